// What the allocation pages pick from: scopes (sub-districts, communities), the scope's posts, volunteers.
import { useQuery } from "@tanstack/react-query";
import { api, fetchAll, type Page } from "@/lib/api";
import type { Option, VolunteerOption } from "./types";

export function useSubDistrictOptions(enabled: boolean) {
  return useQuery({
    queryKey: ["allocation", "sub-districts"],
    queryFn: () => fetchAll<Option>("sub-districts/"),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useCommunityOptions(subDistrict?: number | null) {
  return useQuery({
    queryKey: ["allocation", "communities", subDistrict ?? "all"],
    queryFn: () => fetchAll<Option>("communities/", { sub_district: subDistrict ?? undefined }),
    staleTime: 10 * 60_000,
  });
}

/** The active posts of a run's scope. */
export function usePostOptions(scope: { community?: number | null; sub_district?: number | null }) {
  return useQuery({
    queryKey: ["allocation", "posts", scope.community ?? null, scope.sub_district ?? null],
    queryFn: () =>
      fetchAll<Option & { community_name: string }>("posts/", {
        community: scope.community ?? undefined,
        sub_district: scope.sub_district ?? undefined,
        active: true,
      }),
    staleTime: 60_000,
  });
}

export function useVolunteerOptions(search: string) {
  return useQuery({
    queryKey: ["allocation", "volunteer-search", search],
    queryFn: () => api<Page<VolunteerOption>>("volunteers/", { params: { search, page_size: 20 } }),
    staleTime: 30_000,
  });
}
