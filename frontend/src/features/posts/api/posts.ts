// Standing posts (一编三定) in the caller's scope.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type Post = Schema<"Post">;

export function usePosts(params: ListParams) {
  return useQuery({
    queryKey: ["posts", params],
    // The list's search is the page's own choice; the server checks its values.
    queryFn: () => unwrap(apiClient.GET("/api/posts/", { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export type Holding = Schema<"PostHolding">;
export type HoldingStatus = Schema<"PostHoldingStatusEnum">;

/** Who holds (or was proposed for, or declined) one post in a year. */
export function usePostHoldings(post: number, year: number) {
  return useQuery({
    queryKey: ["posts", post, "holdings", year],
    queryFn: () =>
      allPages((page) => unwrap(apiClient.GET("/api/post-holdings/", { params: { query: { ...page, post, year } } }))),
  });
}
