// The district's clock: every time shown or entered is the district's (the server's TIME_ZONE, sent with "who am I"),
// whatever the browser's zone. Instants are read and shown through here; picker values are read by their fields.
import dayjs, { type Dayjs } from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);

/** Until "who am I" names it (and on the public pages): the zone of the districts the platform is made for. */
export const DEFAULT_DISTRICT_ZONE = "Asia/Shanghai";

let zone = DEFAULT_DISTRICT_ZONE;
// Ant Design's pickers take "now" (today's cell, the 今天 and 此刻 buttons) in dayjs's default zone.
dayjs.tz.setDefault(zone);

/** Use `name` (an IANA zone, from the server) from now on; an unknown name is ignored rather than breaking every page. */
export function setDistrictZone(name: string | null | undefined) {
  if (!name || name === zone) return;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
  } catch {
    return;
  }
  zone = name;
  dayjs.tz.setDefault(name);
}

export const districtZone = () => zone;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** An instant (ISO with an offset, a Date, epoch ms), or a wall time without an offset meaning the district's, as a
 * dayjs on the district's clock: its fields (format, day(), hour()) are the district's. */
export function districtTime(value: string | number | Date | Dayjs): Dayjs {
  if (typeof value === "string" && !HAS_OFFSET.test(value)) return dayjs.tz(value, zone);
  return dayjs(value).tz(zone);
}

/** Now, on the district's clock. */
export const districtNow = (): Dayjs => dayjs().tz(zone);

/** The district's date now, YYYY-MM-DD (not the browser's: at 17:00 on Sunday in Los Angeles it is Monday here). */
export const districtToday = (): string => districtNow().format("YYYY-MM-DD");

/** The district's year now. */
export const districtYear = (): number => districtNow().year();

/** The district's date of an instant, YYYY-MM-DD (a date passes unchanged). */
export function dayOf(value: string | Dayjs): string {
  if (typeof value === "string" && DATE_ONLY.test(value)) return value;
  return districtTime(value).format("YYYY-MM-DD");
}

/** A district date (YYYY-MM-DD) as a value for a date, week or month picker. */
export const districtDay = (day: string): Dayjs => dayjs.tz(day, zone);

/** The date a picker's value stands for, YYYY-MM-DD. A picker's value is read by its fields only: the pickers make
 * values in the browser's zone or the district's, and either way the fields are what the person chose. */
export const pickedDay = (value: Dayjs): string => value.format("YYYY-MM-DD");

/** The time of day a time picker's value stands for, HH:mm. */
export const pickedTime = (value: Dayjs): string => value.format("HH:mm");

/** A time of day (HH:mm or HH:mm:ss) as a time picker's value, made the way the picker makes a typed one. */
export const clockValue = (time: string): Dayjs => dayjs(time, time.length > 5 ? "HH:mm:ss" : "HH:mm");

/** The district's time of day of an instant, as a time picker's value. */
export const timeOfDay = (iso: string): Dayjs => clockValue(districtTime(iso).format("HH:mm"));

/** `day` (YYYY-MM-DD) moved by `days`, YYYY-MM-DD (calendar arithmetic: no zone, no summer time). */
export const addDays = (day: string, days: number): string => dayjs.utc(day).add(days, "day").format("YYYY-MM-DD");

/** The ISO weekday of a date (YYYY-MM-DD): 1 = Monday … 7 = Sunday. */
export const weekdayOf = (day: string): number => ((dayjs.utc(day).day() + 6) % 7) + 1;

/** The last day of the month holding `day` (YYYY-MM-DD). */
export const monthEnd = (day: string): string => dayjs.utc(day).endOf("month").format("YYYY-MM-DD");

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number => dayjs.utc(to).diff(dayjs.utc(from), "day");

export const formatDateTime = (iso: string | null | undefined) =>
  iso ? districtTime(iso).format("YYYY-MM-DD HH:mm") : "";
export const formatDate = (iso: string | null | undefined) => (iso ? dayOf(iso) : "");
export const formatTime = (iso: string) => districtTime(iso).format("HH:mm");
export const formatSpan = (start: string, end: string) =>
  `${districtTime(start).format("MM-DD ddd HH:mm")}–${formatTime(end)}`;
/** A district date (YYYY-MM-DD) in `pattern` (e.g. "MM-DD ddd"), in the interface's language. */
export const formatDay = (day: string, pattern: string) => dayjs.utc(day).format(pattern);

/** Monday of the week holding `day` (a date, or a picker's value; the district's today by default), YYYY-MM-DD. */
export function mondayOf(day?: Dayjs | string): string {
  const date = typeof day === "string" ? dayOf(day) : pickedDay(day ?? districtNow());
  return addDays(date, 1 - weekdayOf(date));
}

/** The week people plan now: next Monday (shifts are generated a week ahead). */
export function nextMonday(today?: Dayjs | string): string {
  return addDays(mondayOf(today), 7);
}

export const hoursBetween = (start: string, end: string) => districtTime(end).diff(districtTime(start), "minute") / 60;

/** Whether an instant is already past. */
export const isPast = (iso: string) => districtTime(iso).valueOf() <= Date.now();
