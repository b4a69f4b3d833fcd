// 合并为项目: the client asks for a project (or a new one's name and period, of one community) first; the server's
// nested field errors land on the new project's fields, its refusals show in an alert; a good choice posts once.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import type { Need } from "../api/needs";
import { MergeNeedsModal } from "./MergeNeedsModal";

const fetchMock = vi.fn();
let mergeReply: () => Response;
beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string) => {
    if (url === "/api/needs/merge/") return mergeReply();
    if (url.startsWith("/api/projects/")) {
      return jsonReply(200, {
        count: 2, next: null, previous: null,
        results: [
          { id: 3, name: "助老服务项目", community: 1, community_name: "秦江社区", start_date: "2026-01-01", end_date: "2026-12-31" },
          { id: 4, name: "别处项目", community: 2, community_name: "百花社区", start_date: "2026-01-01", end_date: "2026-12-31" },
        ],
      });
    }
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

const merges = () => fetchMock.mock.calls.filter(([url]) => url === "/api/needs/merge/");
const need = (id: number, community: number, title: string): Need => ({
  id, title, source: "resident", community, community_name: "", required_skills: {}, headcount: 1, wanted_start: null,
  wanted_end: null, category: "elderly", is_micro_wish: false, urgency: 3, deadline: null, status: "published",
  overdue: false, finished_at: null, rating_score: null, rating_comment: "", rated_by: null, rated_at: null,
});

it("asks for a project first, and offers only the needs' community's projects", async () => {
  renderWithApp(<MergeNeedsModal needs={[need(1, 1, "送餐"), need(2, 1, "理发")]} onClose={vi.fn()} onDone={vi.fn()} />);
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
  renderWithApp(<MergeNeedsModal needs={[need(1, 1, "送餐"), need(2, 2, "理发")]} onClose={vi.fn()} onDone={vi.fn()} />);
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
    jsonReply(409, { message: "只有待审核或已发布的需求可以派单；「理发」（已认领）不行。", extra: { code: "not_dispatchable", fields: { needs: ["2"] } } });
  renderWithApp(<MergeNeedsModal needs={[need(1, 1, "送餐"), need(2, 1, "理发")]} onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByRole("combobox"));
  await userEvent.click(await screen.findByText(/助老服务项目/));
  await userEvent.click(within(dialog).getByRole("button", { name: "合并" }));
  const alert = await within(dialog).findByRole("alert");
  expect(alert).toHaveTextContent("无法合并");
  expect(alert).toHaveTextContent("「理发」（已认领）不行");
  expect(JSON.parse(merges()[0][1].body)).toEqual({ needs: [1, 2], project: 3 });
  expect(onDone).not.toHaveBeenCalled();

  mergeReply = () => jsonReply(200, { project: 3, name: "助老服务项目", community: 1, needs: [1, 2] });
  await userEvent.click(within(dialog).getByRole("button", { name: "合并" }));
  await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith({ project: 3, name: "助老服务项目", community: 1, needs: [1, 2] }));
});
