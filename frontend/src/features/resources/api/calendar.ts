// One resource's week (资源日历): the resource with its free slots, the week's published bookings of it and its
// withdrawals in the week. Units read their own resources, coordinators those of their scope (the server scopes).
import { useQuery } from "@tanstack/react-query";
import { addDays } from "@/lib/format";
import { allPages, apiClient, unwrap } from "@/lib/api";

export function useResource(id: number) {
  return useQuery({
    queryKey: ["resources", "one", id],
    queryFn: () => unwrap(apiClient.GET("/api/resources/{id}/", { params: { path: { id } } })),
  });
}

/** Every published booking of the resource in the week of Monday `week`. */
const weekBookings = (resource: number, week: string) =>
  allPages(
    (page) => unwrap(apiClient.GET("/api/unit/bookings/", { params: { query: { ...page, week, resource } } })),
    1000,
  );

export function useResourceWeekBookings(resource: number, week: string) {
  return useQuery({
    queryKey: ["lending", "bookings", "calendar", resource, week],
    queryFn: () => weekBookings(resource, week),
  });
}

/** The published bookings of the resource in several weeks (a month's view), one request a week. */
export function useResourceWeeksBookings(resource: number, mondays: string[]) {
  return useQuery({
    queryKey: ["lending", "bookings", "calendar", resource, mondays],
    queryFn: async () => (await Promise.all(mondays.map((week) => weekBookings(resource, week)))).flat(),
  });
}

/** Withdrawals of the resource from `start` to `end` (YYYY-MM-DD). */
export function useResourceWithdrawalsBetween(resource: number, start: string, end: string) {
  return useQuery({
    queryKey: ["lending", "withdrawals", "calendar", resource, start, end],
    queryFn: async () =>
      (
        await allPages(
          (page) =>
            unwrap(apiClient.GET("/api/unit/withdrawals/", { params: { query: { ...page, resource, start } } })),
          500,
        )
      ).filter((w) => w.date <= end),
  });
}

/** Withdrawals of the resource in the week of Monday `week`. */
export function useResourceWeekWithdrawals(resource: number, week: string) {
  return useResourceWithdrawalsBetween(resource, week, addDays(week, 6));
}
