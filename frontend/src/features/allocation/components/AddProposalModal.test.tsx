// Proposing a member by hand: the client asks for both fields; the server's `rule_broken` refusal names the rule.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import type { AllocationRun } from "../api/types";
import { AddProposalModal } from "./AddProposalModal";

const run: AllocationRun = {
  id: 3, level: "community", community: 1, community_name: "百花社区", sub_district: 1, sub_district_name: "林山寨街道",
  year: 2027, version: 1, status: "done", message: "", attempts: 1, time_limit: 30, created_by: "shequ", created_at: "",
  started_at: null, finished_at: null, stats: {}, published: false, published_at: null,
};
const page = (results: unknown[]) => ({ count: results.length, next: null, previous: null, results });

const fetchMock = vi.fn();
beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
    if (url.startsWith("/api/posts/")) return jsonReply(200, page([{ id: 11, name: "政策宣传员", community_name: "百花社区" }]));
    if (url.startsWith("/api/volunteers/"))
      return jsonReply(200, page([{ id: 21, number: "V0021", name: "王芳", home_community_name: "百花社区" }]));
    if (url === "/api/allocation/runs/3/proposals/" && init.method === "POST")
      return jsonReply(400, {
        message: "这项安排会违反规则：王芳 没有该岗位要求的技能。",
        extra: { code: "rule_broken", fields: { volunteer: ["技能 policy 为 0 级；岗位要求 2 级。"] } },
      });
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

it("checks both fields on the client, then shows the rule the server says would break", async () => {
  const onClose = vi.fn();
  renderWithApp(<AddProposalModal run={run} onClose={onClose} />);
  const dialog = await screen.findByRole("dialog");

  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  expect(await within(dialog).findByText("请选择岗位")).toBeInTheDocument();
  expect(await within(dialog).findByText("请选择志愿者")).toBeInTheDocument();
  expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);

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
  await waitFor(() => {
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(JSON.parse(post[1].body)).toEqual({ post: 11, volunteer: 21 });
  });
  // the posts asked for are the run's community's active ones
  expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith("/api/posts/") && String(url).includes("community=1"))).toBe(true);
});
