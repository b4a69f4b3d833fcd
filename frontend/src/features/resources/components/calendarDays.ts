// What one day of a resource's week holds: its free slots (weekly ones on that weekday, dated ones on that date),
// its bookings, and whether it is withdrawn that day.
import { addDays, mondayOf, monthEnd, weekdayOf } from "@/lib/format";
import type { Booking, Withdrawal } from "../api/lending";
import type { Slot } from "../api/resources";

export interface CalendarDay {
  date: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  slots: Slot[];
  bookings: Booking[];
  withdrawal: Withdrawal | null;
}

/** `count` days from `start` (YYYY-MM-DD). */
export function calendarDays(
  start: string,
  count: number,
  slots: Slot[],
  bookings: Booking[],
  withdrawals: Withdrawal[],
): CalendarDay[] {
  return Array.from({ length: count }, (_, index) => {
    const date = addDays(start, index);
    const weekday = weekdayOf(date);
    return {
      date,
      weekday,
      slots: slots
        .filter((slot) => slot.date === date || (slot.date === null && slot.weekday === weekday))
        .sort((a, b) => a.start_time.localeCompare(b.start_time)),
      bookings: bookings.filter((booking) => booking.date === date).sort((a, b) => a.start.localeCompare(b.start)),
      withdrawal: withdrawals.find((w) => w.date === date) ?? null,
    };
  });
}

/** The seven days of the week starting on Monday `week`. */
export const weekDays = (week: string, slots: Slot[], bookings: Booking[], withdrawals: Withdrawal[]) =>
  calendarDays(week, 7, slots, bookings, withdrawals);

/** The Mondays of the weeks that overlap the month of `month` (any day of it). */
export function mondaysOfMonth(month: string): string[] {
  const first = `${month.slice(0, 7)}-01`;
  const last = monthEnd(first);
  const mondays: string[] = [];
  for (let monday = mondayOf(first); monday <= last; monday = addDays(monday, 7)) mondays.push(monday);
  return mondays;
}
