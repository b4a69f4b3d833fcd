// What one day of a resource's week holds: its free slots (weekly ones on that weekday, dated ones on that date),
// its bookings, and whether it is withdrawn that day.
import dayjs from "dayjs";
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
export function calendarDays(start: string, count: number, slots: Slot[], bookings: Booking[], withdrawals: Withdrawal[]): CalendarDay[] {
  return Array.from({ length: count }, (_, index) => {
    const day = dayjs(start).add(index, "day");
    const date = day.format("YYYY-MM-DD");
    const weekday = ((day.day() + 6) % 7) + 1;
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
  const first = dayjs(month).startOf("month");
  const last = first.endOf("month");
  const mondays: string[] = [];
  for (let monday = first.subtract((first.day() + 6) % 7, "day"); !monday.isAfter(last, "day"); monday = monday.add(7, "day")) {
    mondays.push(monday.format("YYYY-MM-DD"));
  }
  return mondays;
}
