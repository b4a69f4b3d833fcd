// Shifts of one week in the caller's scope.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type Shift = Schema<"Shift">;

export function useShifts(week: string, params: ListParams) {
  return useQuery({
    queryKey: ["shifts", week, params],
    queryFn: () => unwrap(apiClient.GET("/api/shifts/", { params: { query: { ...params, week, ordering: "start" } } })),
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
