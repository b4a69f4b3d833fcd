// Blackouts are taken and shown on the district's clock (Asia/Shanghai), whole days from midnight to midnight.
import dayjs from "dayjs";
import { expect, it } from "vitest";
import { shownSpan, timesSpan, wholeDaysSpan } from "./blackouts";

it("takes whole days from the first midnight to the midnight after the last day", () => {
  expect(wholeDaysSpan("2026-12-08", "2026-12-09")).toEqual({
    start: "2026-12-08T00:00:00+08:00",
    end: "2026-12-10T00:00:00+08:00",
  });
});

it("reads the pickers' fields as district times, whatever zone their values carry", () => {
  const from = dayjs.utc("2026-12-08T09:30:00");
  const to = dayjs.utc("2026-12-08T17:00:00");
  expect(timesSpan(from, to)).toEqual({ start: "2026-12-08T09:30:00+08:00", end: "2026-12-08T17:00:00+08:00" });
});

it("shows a blackout of whole district days as days, the last one taken", () => {
  // stored in UTC: 2026-12-07T16:00Z is midnight of 8 December in Shanghai
  expect(shownSpan({ start: "2026-12-07T16:00:00Z", end: "2026-12-09T16:00:00Z" })).toEqual({
    from: "2026-12-08",
    to: "2026-12-09",
    wholeDays: true,
  });
});

it("shows any other blackout with its district times", () => {
  expect(shownSpan({ start: "2026-12-08T01:30:00Z", end: "2026-12-08T09:00:00Z" })).toEqual({
    from: "2026-12-08 09:30",
    to: "2026-12-08 17:00",
    wholeDays: false,
  });
});
