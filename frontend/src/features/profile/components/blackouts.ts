// Blackouts on the district's clock, whatever the browser's: what the form's pickers chose -> the instants sent, and
// a stored blackout -> what the list shows (whole days when it runs from midnight to midnight).
import type { Dayjs } from "dayjs";
import { addDays, dayOf, districtDay, districtTime, pickedDay, pickedTime } from "@/lib/format";

export interface BlackoutSpan {
  start: string;
  end: string;
}

/** Whole days `from` to `to` (both taken): from midnight of the first to midnight after the last, district time. */
export function wholeDaysSpan(from: string, to: string): BlackoutSpan {
  return { start: districtDay(from).format(), end: districtDay(addDays(to, 1)).format() };
}

/** Two date-time pickers' values, read by their fields as district wall times. */
export function timesSpan(from: Dayjs, to: Dayjs): BlackoutSpan {
  const instant = (value: Dayjs) => districtTime(`${pickedDay(value)}T${pickedTime(value)}`).format();
  return { start: instant(from), end: instant(to) };
}

export interface BlackoutShown {
  from: string;
  to: string;
  wholeDays: boolean;
}

/** A stored blackout as shown: days (the last one taken) when it covers whole district days, else times. */
export function shownSpan({ start, end }: BlackoutSpan): BlackoutShown {
  const a = districtTime(start);
  const b = districtTime(end);
  const midnight = (value: Dayjs) => value.format("HH:mm:ss") === "00:00:00";
  if (midnight(a) && midnight(b)) return { from: dayOf(start), to: addDays(dayOf(end), -1), wholeDays: true };
  return { from: a.format("YYYY-MM-DD HH:mm"), to: b.format("YYYY-MM-DD HH:mm"), wholeDays: false };
}
