// Shifts of one week in the caller's scope.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { api, fetchAll, type Page } from "@/lib/api";

export interface Shift {
  id: number;
  title: string;
  community_name: string;
  origin: string;
  start: string;
  end: string;
  seats: number;
  priority: number;
  required_skills: Record<string, number>;
}

export function useShifts(week: string, params: ListParams) {
  return useQuery({
    queryKey: ["shifts", week, params],
    queryFn: () => api<Page<Shift>>("shifts/", { params: { ...params, week, ordering: "start" } }),
    placeholderData: keepPreviousData,
  });
}

/** Every shift of the week in the caller's scope, for the calendar (in pages of the API's largest size). */
export function useWeekShifts(week: string) {
  return useQuery({
    queryKey: ["shifts", week, "all"],
    queryFn: () => fetchAll<Shift>("shifts/", { week, ordering: "start" }),
  });
}
