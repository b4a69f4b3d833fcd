// Weekly windows to grid cells and back.
import { expect, it } from "vitest";
import { gridFrom, windowsFrom } from "./weekGrid";

it("switches on every hour a window touches", () => {
  const grid = gridFrom([{ weekday: 2, start_time: "07:30:00", end_time: "09:00:00" }]);
  expect([...grid[2]]).toEqual([7, 8]);
  expect(grid[1].size).toBe(0);
});

it("joins neighbouring hours into one window per run", () => {
  const grid = gridFrom([]);
  [9, 10, 11, 14].forEach((h) => grid[3].add(h));
  grid[7].add(21);
  expect(windowsFrom(grid)).toEqual([
    { weekday: 3, start_time: "09:00", end_time: "12:00" },
    { weekday: 3, start_time: "14:00", end_time: "15:00" },
    { weekday: 7, start_time: "21:00", end_time: "22:00" },
  ]);
});
