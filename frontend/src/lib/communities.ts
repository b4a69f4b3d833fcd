// The district's communities (those the caller may see), for every form and filter that names one: one cached
// request shared by the pages, as communities change rarely.
import { useQuery } from "@tanstack/react-query";
import { allPages, apiClient, unwrap } from "./api";

export function useCommunities(enabled = true) {
  return useQuery({
    queryKey: ["communities", "all"],
    queryFn: () => allPages((page) => unwrap(apiClient.GET("/api/communities/", { params: { query: page } }))),
    staleTime: 600_000,
    enabled,
  });
}
