// A resource's week: weekly slots land on their weekday, dated ones on their date; bookings and the withdrawal on theirs.
import { expect, it } from "vitest";
import type { Slot } from "../api/resources";
import { calendarDays, mondaysOfMonth, weekDays } from "./calendarDays";
import { booking, withdrawal } from "./testData";

const slot = (id: number, weekday: number | null, date: string | null, start = "08:00:00"): Slot => ({
  id,
  weekday,
  date,
  start_time: start,
  end_time: "18:00:00",
});

it("puts each slot, booking and withdrawal on its day of the week", () => {
  const days = weekDays(
    "2026-12-07",
    [
      slot(1, 6, null, "14:00:00"),
      slot(2, null, "2026-12-08"),
      slot(3, 6, null, "08:00:00"),
      slot(4, null, "2026-12-20"),
    ],
    [booking({ id: 9, date: "2026-12-12", start: "2026-12-12T09:00:00" })],
    [withdrawal({ id: 5, date: "2026-12-08", reason: "设备检修" })],
  );
  expect(days.map((d) => d.date)).toEqual([
    "2026-12-07",
    "2026-12-08",
    "2026-12-09",
    "2026-12-10",
    "2026-12-11",
    "2026-12-12",
    "2026-12-13",
  ]);
  expect(days[1].slots.map((s) => s.id)).toEqual([2]);
  expect(days[1].withdrawal?.reason).toBe("设备检修");
  expect(days[5].slots.map((s) => s.id)).toEqual([3, 1]);
  expect(days[5].bookings.map((b) => b.id)).toEqual([9]);
  expect(days.flatMap((d) => d.slots.map((s) => s.id))).not.toContain(4);
  expect(days[0]).toEqual({ date: "2026-12-07", weekday: 1, slots: [], bookings: [], withdrawal: null });
});

it("names the weeks a month overlaps by their Mondays, and weekdays from any start", () => {
  expect(mondaysOfMonth("2026-12-15")).toEqual(["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28"]);
  expect(mondaysOfMonth("2027-02-01")).toEqual(["2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22"]);
  const days = calendarDays("2026-12-01", 31, [slot(1, 2, null)], [], []);
  expect(days[0]).toMatchObject({ date: "2026-12-01", weekday: 2 });
  expect(days.filter((d) => d.slots.length).map((d) => d.date)).toEqual([
    "2026-12-01",
    "2026-12-08",
    "2026-12-15",
    "2026-12-22",
    "2026-12-29",
  ]);
});
