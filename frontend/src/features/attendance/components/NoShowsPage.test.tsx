// 缺勤名单: asks for this week's no-shows and shows them one card per community, each with its count.
import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, expect, it } from "vitest";
import { mondayOf } from "@/lib/format";
import { page } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { AttendanceRow } from "../api/attendance";
import { NoShowsPage } from "./NoShowsPage";

const noShow = (id: number, community: number, communityName: string, volunteerName: string) =>
  ({
    id,
    shift: 10 + id,
    shift_title: "助老送餐",
    shift_start: "2026-11-20T09:00:00+08:00",
    shift_end: "2026-11-20T11:00:00+08:00",
    community,
    community_name: communityName,
    volunteer: 100 + id,
    volunteer_name: volunteerName,
    volunteer_number: `ZY${id}`,
    assignment: 200 + id,
    status: "no_show",
    method: "coordinator",
    checked_in_at: null,
    checked_out_at: null,
    minutes_served: 0,
    hours: 0,
    recorded_by: null,
    note: "",
    updated_at: "2026-11-20T13:00:00+08:00",
  }) satisfies AttendanceRow;

let rows: AttendanceRow[] = [];
let asked: URL[] = [];
beforeEach(() => {
  asked = [];
  server.use(http.get("/api/attendance/", ({ response }) => response(200).json(page(rows))));
  server.events.on("request:start", ({ request }) => asked.push(new URL(request.url)));
});
afterEach(() => server.events.removeAllListeners());

it("lists this week's no-shows by community, each with its count and a link to the roster", async () => {
  rows = [noShow(1, 2, "百花社区", "王芳"), noShow(2, 3, "锦艺社区", "李强"), noShow(3, 2, "百花社区", "赵敏")];
  renderWithApp(<NoShowsPage />);
  const cards = await screen.findAllByTestId("no-shows-community");
  expect(cards.map((card) => card.querySelector(".ant-card-head-title")?.textContent)).toEqual([
    "百花社区",
    "锦艺社区",
  ]);
  expect(cards[0]).toHaveTextContent("2 人次");
  expect(cards[0]).toHaveTextContent("王芳 (ZY1)");
  expect(cards[0]).toHaveTextContent("系统");
  expect(within(cards[1]).getByRole("link", { name: "签到名单" })).toHaveAttribute("href", "/shifts/12/roster");
  const query = asked.find((url) => url.pathname === "/api/attendance/")!.searchParams;
  expect([query.get("status"), query.get("week")]).toEqual(["no_show", mondayOf()]);
});

it("says so when nobody was absent", async () => {
  rows = [];
  renderWithApp(<NoShowsPage />);
  expect(await screen.findByText("这一周没有缺勤。")).toBeInTheDocument();
});
