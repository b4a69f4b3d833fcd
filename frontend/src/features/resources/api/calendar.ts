// One resource's week (资源日历): the resource with its free slots, the week's published bookings of it and its
// withdrawals in the week. Units read their own resources, coordinators those of their scope (the server scopes).
import { useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { api, fetchAll } from "@/lib/api";
import type { Booking, Withdrawal } from "./lending";
import type { Resource } from "./resources";

export function useResource(id: number) {
  return useQuery({ queryKey: ["resources", "one", id], queryFn: () => api<Resource>(`resources/${id}/`) });
}

export function useResourceWeekBookings(resource: number, week: string) {
  return useQuery({
    queryKey: ["lending", "bookings", "calendar", resource, week],
    queryFn: () => fetchAll<Booking>("unit/bookings/", { week, resource }, 1000),
  });
}

/** The published bookings of the resource in several weeks (a month's view), one request a week. */
export function useResourceWeeksBookings(resource: number, mondays: string[]) {
  return useQuery({
    queryKey: ["lending", "bookings", "calendar", resource, mondays],
    queryFn: async () =>
      (await Promise.all(mondays.map((week) => fetchAll<Booking>("unit/bookings/", { week, resource }, 1000)))).flat(),
  });
}

/** Withdrawals of the resource from `start` to `end` (YYYY-MM-DD). */
export function useResourceWithdrawalsBetween(resource: number, start: string, end: string) {
  return useQuery({
    queryKey: ["lending", "withdrawals", "calendar", resource, start, end],
    queryFn: async () =>
      (await fetchAll<Withdrawal>("unit/withdrawals/", { resource, start }, 500)).filter((w) => w.date <= end),
  });
}

/** Withdrawals of the resource in the week of Monday `week`. */
export function useResourceWeekWithdrawals(resource: number, week: string) {
  return useResourceWithdrawalsBetween(resource, week, dayjs(week).add(6, "day").format("YYYY-MM-DD"));
}
