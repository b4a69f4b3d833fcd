// Standing posts (一编三定) in the caller's scope, the groups and teams (编) with their members, and the district's
// choice of the third 定 (定时 or 定目标).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type Post = Schema<"Post">;
export type PostInput = Schema<"PostRequest">;
export type PostCategory = Schema<"PostCategoryEnum">;
export type Team = Schema<"Team">;
export type TeamInput = Schema<"TeamRequest">;
export type TeamKind = Schema<"TeamKindEnum">;
export type ThirdLabel = Schema<"PostThirdLabelEnum">;

export const POST_CATEGORIES: PostCategory[] = [
  "policy",
  "patrol",
  "sanitation",
  "civility",
  "mediation",
  "hardship",
  "courtyard",
  "legal",
  "other",
];
export const TEAM_KINDS: TeamKind[] = ["party_group", "grid", "service_team"];

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

/** Create a post or change one (a change of `active` alone deactivates or reactivates it). */
export function useSavePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: Partial<PostInput> }) =>
      unwrap(
        id
          ? apiClient.PATCH("/api/posts/{id}/", { params: { path: { id } }, body })
          : apiClient.POST("/api/posts/", { body: body as PostInput }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["posts"] }),
  });
}

export function useTeams(params: ListParams) {
  return useQuery({
    queryKey: ["teams", params],
    queryFn: () => unwrap(apiClient.GET("/api/teams/", { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

/** Every group of a community, for a post's group. */
export function useCommunityTeams(community?: number) {
  return useQuery({
    queryKey: ["teams", "of", community],
    queryFn: () =>
      allPages((page) => unwrap(apiClient.GET("/api/teams/", { params: { query: { ...page, community } } }))),
    enabled: community !== undefined,
  });
}

export function useSaveTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: TeamInput }) =>
      unwrap(
        id
          ? apiClient.PATCH("/api/teams/{id}/", { params: { path: { id } }, body })
          : apiClient.POST("/api/teams/", { body }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["teams"] }),
  });
}

/** Volunteers living in a community, found by name or number, for a group's leader and members. */
export function useCommunityVolunteers(community: number | undefined, search: string) {
  return useQuery({
    queryKey: ["posts", "volunteers", community, search],
    queryFn: () =>
      unwrap(apiClient.GET("/api/volunteers/", { params: { query: { community, search, page_size: 50 } } })),
    enabled: community !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The districts and their third 定 (every signed-in user reads them; the administrator changes it). */
export function useDistricts() {
  return useQuery({
    queryKey: ["posts", "districts"],
    queryFn: () => allPages((page) => unwrap(apiClient.GET("/api/districts/", { params: { query: page } }))),
    staleTime: 10 * 60_000,
  });
}

export function useSetThirdLabel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, label }: { id: number; label: ThirdLabel }) =>
      unwrap(apiClient.PATCH("/api/districts/{id}/", { params: { path: { id } }, body: { post_third_label: label } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["posts"] }),
  });
}
