// The projects list: each project with when it meets and its needs; a delete the server refuses says why and the
// row stays.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import { ProjectsPage } from "./ProjectsPage";

const row = {
  id: 5, community: 1, community_name: "百花社区", name: "四点半课堂", goals: "", unit: null, team: null,
  needs: [3, 4], resources: [], frequency: "weekly", start_date: "2026-09-01", end_date: "2027-01-15", weekdays: [2, 4],
  start_time: "16:30:00", end_time: "18:00:00", seats: 3, required_skills: {}, resource_kind: "", resource_min_capacity: 0,
};

const fetchMock = vi.fn();
beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
    if (url === "/api/projects/5/" && init?.method === "DELETE")
      return jsonReply(409, { message: "该项目已生成班次，不能删除。", extra: { code: "protected", fields: {} } });
    if (url.startsWith("/api/projects/")) return jsonReply(200, { count: 1, next: null, previous: null, results: [row] });
    if (url.startsWith("/api/skills/")) return jsonReply(200, { count: 0, next: null, previous: null, results: [] });
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

it("lists projects with when they meet, and shows the server's refusal of a delete", async () => {
  renderWithApp(<ProjectsPage />);
  const cells = (await screen.findByText("四点半课堂")).closest("tr")!;
  expect(within(cells).getByText("周二、周四 16:30–18:00")).toBeInTheDocument();
  expect(within(cells).getByText("2026-09-01 ~ 2027-01-15")).toBeInTheDocument();
  expect(within(cells).getByText("每周")).toBeInTheDocument();
  expect(within(cells).getByText("2")).toBeInTheDocument();

  await userEvent.click(within(cells).getByRole("button", { name: "删除" }));
  await userEvent.click(await screen.findByRole("button", { name: "确定" }));
  expect(await screen.findByText("该项目已生成班次，不能删除。")).toBeInTheDocument();
  expect(document.querySelector(".ant-modal-confirm-title")).toHaveTextContent("无法删除");
  expect(fetchMock.mock.calls.filter(([, init]) => init?.method === "DELETE")).toHaveLength(1);
});
