// What the planning pages pick from: scopes (sub-districts, communities), the week's shifts, volunteers.
import { useQuery } from "@tanstack/react-query";
import { api, fetchAll, type Page } from "@/lib/api";
import type { PlaceOption, ShiftRow, VolunteerOption } from "./types";

export function useSubDistricts(enabled: boolean) {
  return useQuery({
    queryKey: ["planning", "sub-districts"],
    queryFn: () => fetchAll<PlaceOption>("sub-districts/"),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useCommunities(subDistrict?: number | null) {
  return useQuery({
    queryKey: ["planning", "communities", subDistrict ?? "all"],
    queryFn: () => fetchAll<PlaceOption>("communities/", { sub_district: subDistrict ?? undefined }),
    staleTime: 10 * 60_000,
  });
}

/** The shifts a run plans: its week, in its scope. */
export function useWeekShifts(
  week: string,
  scope: { community?: number | null; sub_district?: number | null },
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: ["planning", "shifts", week, scope.community ?? null, scope.sub_district ?? null],
    queryFn: () =>
      fetchAll<ShiftRow>("shifts/", {
        week,
        community: scope.community ?? undefined,
        sub_district: scope.sub_district ?? undefined,
      }, 5000),
    staleTime: 60_000,
  });
}

export function useVolunteerSearch(search: string) {
  return useQuery({
    queryKey: ["planning", "volunteer-search", search],
    queryFn: () => api<Page<VolunteerOption>>("volunteers/", { params: { search, page_size: 20 } }),
    staleTime: 30_000,
  });
}
