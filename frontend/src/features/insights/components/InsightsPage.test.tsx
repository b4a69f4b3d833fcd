// The trends page: empty figures say what to do next, the missing skills are ranked, and choosing fewer weeks asks
// every figure for them.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { Schema } from "@/lib/api";
import { page } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { InsightsPage } from "./InsightsPage";

const period = {
  start: "2026-09-14",
  end: "2026-11-30",
  last_day: "2026-12-06",
  weeks: ["2026-11-30"],
  time_zone: "Asia/Shanghai",
};
const scope: Schema<"InsightScope"> = { level: "community", id: 1, name: "百花社区", communities: [1] };
const use = { offered_hours: 0, booked_hours: 0, use_rate: null, bookings: 0, withdrawals: 0 };
const spread = {
  volunteers: 10,
  volunteers_with_hours: 0,
  hours: 0,
  gini: 0,
  top_10_share: null,
  mean: 0,
  median: 0,
  max: 0,
};
const figures: {
  weeks: Schema<"InsightWeeks">;
  "hours-by-community": Schema<"InsightHoursByCommunity">;
  fairness: Schema<"InsightFairness">;
  resources: Schema<"InsightResources">;
  "missing-skills": Schema<"InsightMissingSkills">;
} = {
  weeks: {
    period,
    scope,
    weeks: [
      {
        week: "2026-11-30",
        seats: { total: 0, filled: 0, rate: null, communities_published: 0, by_priority: [] },
        needs: { due: 0, closed_in_time: 0, closed_late: 0, open: 0 },
        hours: 0,
        volunteers_served: 0,
      },
    ],
  },
  "hours-by-community": { period, scope, weeks: ["2026-11-30"], communities: [], totals: [0], total: 0 },
  fairness: { period, scope, communities: [], overall: spread },
  resources: { period, scope, rows: [], by_unit: [], by_category: [], total: use },
  "missing-skills": {
    period,
    scope,
    seats_needing_no_skill: 3,
    seats_missing_a_room: 1,
    skills: [
      {
        rank: 1,
        skill: "first_aid",
        name: "急救",
        name_en: "First aid",
        seats: 6,
        seats_nobody_in_range: 2,
        shifts: 3,
        communities: 1,
        max_level: 2,
        weeks: ["2026-11-30"],
      },
    ],
  },
};

let asked: string[] = [];
beforeEach(() => {
  asked = [];
  server.use(
    http.get("/api/communities/", ({ response }) =>
      response(200).json(page([{ id: 1, sub_district: 1, name: "百花社区", code: "C1", lat: 0, lng: 0 }])),
    ),
    http.get("/api/insights/weeks/", ({ response }) => response(200).json(figures.weeks)),
    http.get("/api/insights/hours-by-community/", ({ response }) => response(200).json(figures["hours-by-community"])),
    http.get("/api/insights/fairness/", ({ response }) => response(200).json(figures.fairness)),
    http.get("/api/insights/resources/", ({ response }) => response(200).json(figures.resources)),
    http.get("/api/insights/missing-skills/", ({ response }) => response(200).json(figures["missing-skills"])),
  );
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    asked.push(`${url.pathname}${url.search}`);
  });
});
afterEach(() => server.events.removeAllListeners());

it("says what to do when there is nothing to draw and ranks the missing skills", async () => {
  renderWithApp(<InsightsPage />);
  expect(await screen.findByText(/这段时间没有已发布的排班/)).toBeInTheDocument();
  expect(await screen.findByText("这段时间没有到期的需求。")).toBeInTheDocument();
  expect(screen.getAllByText("这段时间还没有审核通过的服务时长。")).toHaveLength(2);
  expect(screen.getAllByText(/请在资源清单中为资源添加空闲时间/)).toHaveLength(2);
  expect(await screen.findByText("急救")).toBeInTheDocument();
  expect(await screen.findByText("另有 3 个未满名额不要求技能，1 个名额仅因缺少场地未满。")).toBeInTheDocument();
  expect(await screen.findByText(/2026-09-14 至 2026-12-06，百花社区/)).toBeInTheDocument();
  expect(asked).toContain("/api/insights/weeks/?weeks=12");

  await userEvent.click(screen.getByRole("combobox", { name: "时间" }));
  await userEvent.click(await screen.findByTitle("最近 4 周"));
  await vi.waitFor(() => expect(asked).toContain("/api/insights/missing-skills/?weeks=4"));
});
