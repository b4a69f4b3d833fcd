// 合并为项目: the client asks for a project (or a new one's name and period, of one community) first; the server's
// nested field errors land on the new project's fields, its refusals show in an alert; a good choice posts once.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import { need as aNeed, page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { Need, ProjectOption } from "../api/needs";
import { MergeNeedsModal } from "./MergeNeedsModal";

const project = (id: number, name: string, community: number, community_name: string): ProjectOption => ({
  id,
  name,
  community,
  community_name,
  start_date: "2026-01-01",
  end_date: "2026-12-31",
  needs: [],
});
let mergeReply: () => Response;
let merged: unknown[] = [];
beforeEach(() => {
  merged = [];
  server.use(
    http.post("/api/needs/merge/", async ({ request, response }) => {
      merged.push(await request.json());
      return response.untyped(mergeReply());
    }),
    http.get("/api/projects/", ({ response }) =>
      response(200).json(page([project(3, "助老服务项目", 1, "秦江社区"), project(4, "别处项目", 2, "百花社区")])),
    ),
  );
});

const merges = () => merged;
const need = (id: number, community: number, title: string): Need =>
  aNeed({ id, title, community, community_name: "", urgency: 3, status: "published" });

it("asks for a project first, and offers only the needs' community's projects", async () => {
  renderWithApp(
    <MergeNeedsModal needs={[need(1, 1, "送餐"), need(2, 1, "理发")]} onClose={vi.fn()} onDone={vi.fn()} />,
  );
  const dialog = await screen.findByRole("dialog");
  expect(dialog).toHaveTextContent("将 2 条需求合并为项目");
  await userEvent.click(within(dialog).getByRole("button", { name: "合并" }));
  expect(await within(dialog).findByText("请选择项目")).toBeInTheDocument();
  await userEvent.click(within(dialog).getByRole("combobox"));
  expect(await screen.findByText(/助老服务项目/)).toBeInTheDocument();
  expect(screen.queryByText(/别处项目/)).toBeNull();
  expect(merges()).toHaveLength(0);
});

it("refuses a new project over two communities before asking the server", async () => {
  renderWithApp(
    <MergeNeedsModal needs={[need(1, 1, "送餐"), need(2, 2, "理发")]} onClose={vi.fn()} onDone={vi.fn()} />,
  );
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByLabelText("新建项目"));
  expect(within(dialog).getAllByText(/新项目只属于一个社区/)).toHaveLength(1);
  await userEvent.click(within(dialog).getByRole("button", { name: "合并" }));
  expect(await within(dialog).findByText("请输入项目名称")).toBeInTheDocument();
  expect(await within(dialog).findByText("请选择起止日期")).toBeInTheDocument();
  expect(merges()).toHaveLength(0);
});

it("posts the chosen project, shows a 409 refusal in an alert, and hands back the result", async () => {
  const onDone = vi.fn();
  mergeReply = () =>
    jsonReply(409, {
      message: "只有待审核或已发布的需求可以派单；「理发」（已认领）不行。",
      extra: { code: "not_dispatchable", fields: { needs: ["2"] } },
    });
  renderWithApp(<MergeNeedsModal needs={[need(1, 1, "送餐"), need(2, 1, "理发")]} onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByRole("combobox"));
  await userEvent.click(await screen.findByText(/助老服务项目/));
  await userEvent.click(within(dialog).getByRole("button", { name: "合并" }));
  const alert = await within(dialog).findByRole("alert");
  expect(alert).toHaveTextContent("无法合并");
  expect(alert).toHaveTextContent("「理发」（已认领）不行");
  expect(merges()[0]).toEqual({ needs: [1, 2], project: 3 });
  expect(onDone).not.toHaveBeenCalled();

  mergeReply = () => jsonReply(200, { project: 3, name: "助老服务项目", community: 1, needs: [1, 2] });
  await userEvent.click(within(dialog).getByRole("button", { name: "合并" }));
  await vi.waitFor(() =>
    expect(onDone).toHaveBeenCalledWith({ project: 3, name: "助老服务项目", community: 1, needs: [1, 2] }),
  );
});
