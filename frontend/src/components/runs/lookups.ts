// What a run's pages pick from, whatever the kind of run: the scopes a coordinator may start one for
// (sub-districts, communities) and volunteers to put on a row by hand.
import { useQuery } from "@tanstack/react-query";
import { allPages, apiClient, unwrap } from "@/lib/api";

export function useSubDistricts(enabled: boolean) {
  return useQuery({
    queryKey: ["runs", "sub-districts"],
    queryFn: () => allPages((page) => unwrap(apiClient.GET("/api/sub-districts/", { params: { query: page } }))),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useCommunities(subDistrict?: number | null) {
  return useQuery({
    queryKey: ["runs", "communities", subDistrict ?? "all"],
    queryFn: () =>
      allPages((page) =>
        unwrap(
          apiClient.GET("/api/communities/", {
            params: { query: { ...page, sub_district: subDistrict ?? undefined } },
          }),
        ),
      ),
    staleTime: 10 * 60_000,
  });
}

export function useVolunteerSearch(search: string) {
  return useQuery({
    queryKey: ["runs", "volunteer-search", search],
    queryFn: () => unwrap(apiClient.GET("/api/volunteers/", { params: { query: { search, page_size: 20 } } })),
    staleTime: 30_000,
  });
}
