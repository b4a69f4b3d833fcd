// What the allocation pages pick from beyond every run's lookups (components/runs/lookups.ts): the scope's posts.
import { useQuery } from "@tanstack/react-query";
import { scopeQuery, type RunScope } from "@/components/runs/scope";
import { allPages, apiClient, unwrap } from "@/lib/api";

/** The active posts of a run's scope. */
export function usePostOptions(scope: RunScope) {
  return useQuery({
    queryKey: ["allocation", "posts", scope.community ?? null, scope.sub_district ?? null],
    queryFn: () =>
      allPages((page) =>
        unwrap(apiClient.GET("/api/posts/", { params: { query: { ...page, ...scopeQuery(scope), active: true } } })),
      ),
    staleTime: 60_000,
  });
}
