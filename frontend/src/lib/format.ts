// Dates and times as people read them (the backend sends ISO strings with the district's offset).
import dayjs from "dayjs";

export const formatDateTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format("YYYY-MM-DD HH:mm") : "");
export const formatDate = (iso: string | null | undefined) => (iso ? dayjs(iso).format("YYYY-MM-DD") : "");
export const formatSpan = (start: string, end: string) =>
  `${dayjs(start).format("MM-DD ddd HH:mm")}–${dayjs(end).format("HH:mm")}`;

/** Monday of the week holding `day`, as YYYY-MM-DD. */
export function mondayOf(day: dayjs.Dayjs): string {
  const offset = (day.day() + 6) % 7;
  return day.subtract(offset, "day").format("YYYY-MM-DD");
}

/** The week people plan now: next Monday (shifts are generated a week ahead). */
export function nextMonday(today = dayjs()): string {
  return dayjs(mondayOf(today)).add(7, "day").format("YYYY-MM-DD");
}

export const hoursBetween = (start: string, end: string) => dayjs(end).diff(dayjs(start), "minute") / 60;
