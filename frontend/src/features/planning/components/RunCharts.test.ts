// The sums behind the dashboard's charts.
import { expect, it } from "vitest";
import { hoursFromMetrics, hoursHistogram, priorityFromMetrics, seatsByPriority, unfilledByReason } from "./RunCharts";

const shift = (id: number, priority: number, seats: number) => ({ id, priority, seats });
const gap = (shift: number, missing: number, code: string) => ({ shift, missing, reasons: [{ code, message: "" }] });

it("counts filled and unfilled seats per priority, highest first", () => {
  const rows = seatsByPriority([shift(1, 3, 4), shift(2, 5, 2), shift(3, 3, 1)], [gap(1, 3, "no_one_free")]);
  expect(rows).toEqual([
    { priority: 5, filled: 2, unfilled: 0 },
    { priority: 3, filled: 2, unfilled: 3 },
  ]);
});

it("groups missing seats by their first reason", () => {
  expect(unfilledByReason([gap(1, 2, "all_busy"), gap(2, 1, "no_one_free"), gap(3, 3, "all_busy")])).toEqual([
    ["all_busy", 5],
    ["no_one_free", 1],
  ]);
});

it("buckets volunteers by planned hours", () => {
  const a = (volunteer: number, start: string, end: string) => ({ volunteer, shift_start: start, shift_end: end });
  const rows = hoursHistogram([
    a(1, "2026-11-30T09:00:00+08:00", "2026-11-30T12:00:00+08:00"),
    a(1, "2026-12-01T09:00:00+08:00", "2026-12-01T11:00:00+08:00"),
    a(2, "2026-11-30T09:00:00+08:00", "2026-11-30T10:00:00+08:00"),
  ]);
  expect(rows).toEqual([
    { label: "0–2", people: 1 },
    { label: "4–6", people: 1 },
  ]);
});

it("reads seats per priority from the run's metrics, highest first", () => {
  expect(priorityFromMetrics({ "3": { seats: 5, filled: 2 }, "5": { seats: 2, filled: 2 } })).toEqual([
    { priority: 5, filled: 2, unfilled: 0 },
    { priority: 3, filled: 2, unfilled: 3 },
  ]);
});

it("reads people by whole hours from the run's metrics, in hour order", () => {
  expect(hoursFromMetrics({ "10": 1, "2": 4, "0": 3 })).toEqual([
    { label: "0–1", people: 3 },
    { label: "2–3", people: 4 },
    { label: "10–11", people: 1 },
  ]);
});
