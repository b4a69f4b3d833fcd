// The volunteer's summary shows how the year's points were earned, kind by kind, a no-show deducted.
import { screen, within } from "@testing-library/react";
import { beforeEach, expect, it } from "vitest";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { RecordSummaryCard } from "./RecordSummaryCard";

beforeEach(() => {
  server.use(
    http.get("/api/records/mine/summary/", ({ response }) =>
      response(200).json({
        year: 2026,
        minutes: 6000,
        hours: 100,
        stars: 1,
        next_star: 2,
        hours_to_next: 200,
        star_hours: [100, 300, 600, 1000, 1500],
        year_hours: 12,
        points: 19,
        breakdown: [
          { kind: "shift_hour", units: 12, points: 12 },
          { kind: "post_held", units: 1, points: 10 },
          { kind: "no_show", units: 1, points: -3 },
        ],
        pending: 0,
      }),
    ),
  );
});

it("shows how each point was earned", async () => {
  renderWithApp(<RecordSummaryCard />);
  const breakdown = await screen.findByTestId("points-breakdown");
  expect(screen.getByText("2026 年积分明细")).toBeInTheDocument();
  const rows = within(breakdown)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    );
  expect(rows).toEqual([
    ["每服务满 1 小时", "12", "12"],
    ["每年每个在岗岗位", "1", "10"],
    ["每次缺勤（扣分）", "1", "-3"],
  ]);
});
