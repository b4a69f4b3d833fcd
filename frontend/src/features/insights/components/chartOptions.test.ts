// The trend charts' options: percentages per week with gaps for weeks without seats, the needs stacked, hours
// stacked per community, Gini from the least even community down, the community's own rooms named.
import { expect, it } from "vitest";
import type { Fairness, HoursByCommunity, ResourceUse, WeekRow } from "../api/insights";
import { fairnessOption, hoursOption, needsOption, seatsOption, unitUseRows } from "./chartOptions";

const t = (key: string) => key;
const week = (monday: string, rate: number | null, needs: [number, number, number]): WeekRow => ({
  week: monday,
  seats: {
    total: rate === null ? 0 : 10,
    filled: rate === null ? 0 : rate * 10,
    rate,
    communities_published: 1,
    by_priority: [],
  },
  needs: { due: needs[0] + needs[1] + needs[2], closed_in_time: needs[0], closed_late: needs[1], open: needs[2] },
  hours: 0,
  volunteers_served: 0,
});

it("draws the seats filled in percent, with a gap for a week without seats", () => {
  const option = seatsOption(t, [week("2026-11-23", 0.8333, [1, 0, 0]), week("2026-11-30", null, [0, 1, 2])]);
  expect(option.xAxis.data).toEqual(["11-23", "11-30"]);
  expect(option.series[0].data).toEqual([83.3, null]);
});

it("stacks the needs due in time, late and open", () => {
  const option = needsOption(t, [week("2026-11-23", 1, [3, 1, 0]), week("2026-11-30", 1, [0, 1, 2])]);
  expect(option.series.map((s) => [s.name, s.stack, s.data])).toEqual([
    ["insNeedsInTime", "needs", [3, 0]],
    ["insNeedsLate", "needs", [1, 1]],
    ["insNeedsOpen", "needs", [0, 2]],
  ]);
});

it("stacks the hours per community and orders the Gini from the least even", () => {
  const hours = {
    weeks: ["2026-11-23", "2026-11-30"],
    communities: [
      { community: 1, name: "百花社区", hours: [4, 5.5], total: 9.5 },
      { community: 2, name: "翠竹社区", hours: [0, 2], total: 2 },
    ],
  } as HoursByCommunity;
  expect(hoursOption(hours).series).toEqual([
    { name: "百花社区", type: "bar", stack: "hours", data: [4, 5.5] },
    { name: "翠竹社区", type: "bar", stack: "hours", data: [0, 2] },
  ]);
  const fairness = {
    communities: [
      { name: "百花社区", gini: 0.21234 },
      { name: "翠竹社区", gini: 0.5 },
    ],
  } as Fairness;
  const option = fairnessOption(t, fairness);
  expect(option.yAxis.data).toEqual(["翠竹社区", "百花社区"]);
  expect(option.series[0].data).toEqual([0.5, 0.212]);
});

it("names the community's own rooms", () => {
  const use = {
    by_unit: [
      { unit: null, unit_name: "", offered_hours: 10, booked_hours: 4 },
      { unit: 3, unit_name: "第一中学", offered_hours: 6, booked_hours: 0 },
    ],
  } as unknown as ResourceUse;
  expect(unitUseRows(use, "社区自有场地")).toEqual([
    { label: "社区自有场地", offered: 10, booked: 4 },
    { label: "第一中学", offered: 6, booked: 0 },
  ]);
});
