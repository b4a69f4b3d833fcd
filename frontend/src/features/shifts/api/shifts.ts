// Shifts of one week in the caller's scope.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type Shift = Schema<"Shift">;

/** A page of the shifts in time order; the list gives the week among its filters (`week`, a Monday). */
export function useShifts(params: ListParams) {
  return useQuery({
    queryKey: ["shifts", params.week, params],
    queryFn: () => unwrap(apiClient.GET("/api/shifts/", { params: { query: { ...params, ordering: "start" } } })),
    placeholderData: keepPreviousData,
  });
}

/** Every shift of the week in the caller's scope, for the calendar (in pages of the API's largest size). */
export function useWeekShifts(week: string) {
  return useQuery({
    queryKey: ["shifts", week, "all"],
    queryFn: () =>
      allPages((page) =>
        unwrap(apiClient.GET("/api/shifts/", { params: { query: { ...page, week, ordering: "start" } } })),
      ),
  });
}
