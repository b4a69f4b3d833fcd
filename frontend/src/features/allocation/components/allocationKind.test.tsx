// Proposing a member by hand: the client asks for both fields; the server's `rule_broken` refusal names the rule.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import { AddRowModal } from "@/components/runs/AddRowModal";
import { allocationRun, page, post, volunteer } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { allocationKind } from "./allocationKind";

const run = allocationRun({ id: 3 });
let postsAsked: URLSearchParams[] = [];
let proposed: unknown[] = [];

beforeEach(() => {
  postsAsked = [];
  proposed = [];
  server.use(
    http.get("/api/posts/", ({ request, response }) => {
      postsAsked.push(new URL(request.url).searchParams);
      return response(200).json(page([post({ id: 11, name: "政策宣传员" })]));
    }),
    http.get("/api/volunteers/", ({ response }) =>
      response(200).json(page([volunteer({ id: 21, number: "V0021", name: "王芳" })])),
    ),
    http.post("/api/allocation/runs/{id}/proposals/", async ({ request, response }) => {
      proposed.push(await request.json());
      return response(400).json({
        message: "这项安排会违反规则：王芳 没有该岗位要求的技能。",
        extra: { code: "rule_broken", fields: { volunteer: ["技能 policy 为 0 级；岗位要求 2 级。"] } },
      });
    }),
  );
});

it("checks both fields on the client, then shows the rule the server says would break", async () => {
  const onClose = vi.fn();
  renderWithApp(<AddRowModal kind={allocationKind} run={run} onClose={onClose} />);
  const dialog = await screen.findByRole("dialog");

  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  expect(await within(dialog).findByText("请选择岗位")).toBeInTheDocument();
  expect(await within(dialog).findByText("请选择志愿者")).toBeInTheDocument();
  expect(proposed).toEqual([]);

  await userEvent.click(within(dialog).getByLabelText("岗位"));
  await userEvent.click(await screen.findByTitle("政策宣传员 · 百花社区"));
  await userEvent.click(within(dialog).getByLabelText("志愿者"));
  await userEvent.click(await screen.findByTitle("王芳（V0021）· 百花社区"));
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));

  const alert = await within(dialog).findByRole("alert");
  expect(alert).toHaveTextContent("服务器拒绝了这个操作");
  expect(alert).toHaveTextContent("这项安排会违反规则：王芳 没有该岗位要求的技能。");
  expect(await within(dialog).findByText("技能 policy 为 0 级；岗位要求 2 级。")).toBeInTheDocument(); // on the field
  expect(onClose).not.toHaveBeenCalled();
  await waitFor(() => expect(proposed).toEqual([{ post: 11, volunteer: 21 }]));
  // the posts asked for are the run's community's active ones
  expect(postsAsked.some((query) => query.get("community") === "1" && query.get("active") === "true")).toBe(true);
});
