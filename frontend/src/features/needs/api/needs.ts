// The needs list (需求清单) in the caller's scope.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type Need = Schema<"Need">;
export type NeedStatus = Schema<"NeedStatusEnum">;
export type NeedRating = Schema<"NeedRatingOutput">;
export type NeedOverdueCounts = Schema<"NeedOverdueCount">;
export type ProjectOption = Schema<"Project">;
export type NewProject = Schema<"NeedNewProjectRequest">;
export type MergeInput = Schema<"NeedMergeInputRequest">;
export type MergeResult = Schema<"NeedMergeOutput">;
export type NeedShiftsInput = Schema<"NeedToShiftsInputRequest">;
export type NeedShiftsResult = Schema<"NeedToShiftsOutput">;

export function useNeeds(params: ListParams) {
  return useQuery({
    queryKey: ["needs", params],
    // The list's filters are the page's own choice (status, overdue, search); the server checks their values.
    queryFn: () => unwrap(apiClient.GET("/api/needs/", { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * Where a need may go next by the transition action; the server checks again. A copy of the backend's rule
 * (needs/models.py Need.TRANSITIONS), which the API does not expose; typed by the schema's statuses, so a status the
 * server adds or drops fails the type check here. A completed need becomes rated only through its rating (评单,
 * `useRateNeed`), never as a transition.
 */
export const NEXT_STATUS: Record<NeedStatus, NeedStatus[]> = {
  pending: ["published", "closed"],
  published: ["claimed", "closed"],
  claimed: ["in_service", "published", "closed"],
  in_service: ["completed"],
  completed: ["closed"],
  rated: [],
  closed: [],
};

export function useNeedTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: number; status: NeedStatus }) =>
      unwrap(apiClient.POST("/api/needs/{id}/transition/", { params: { path: { id } }, body: { status } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["needs"] }),
  });
}

/** 评单: enter the resident's rating (1-5 and a comment) of a completed need; 409 when rated already or not completed. */
export function useRateNeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, score, comment }: { id: number; score: number; comment: string }) =>
      unwrap(apiClient.POST("/api/needs/{id}/rating/", { params: { path: { id } }, body: { score, comment } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["needs"] }),
  });
}

export function useNeedOverdueCounts() {
  return useQuery({
    queryKey: ["needs", "overdue-count"],
    queryFn: () => unwrap(apiClient.GET("/api/needs/overdue-count/")),
  });
}

/** A need may be dispatched (merged into a project, turned into shifts) while pending or published; pending ones
 * are approved on the way (a copy of backend needs/services.py DISPATCHABLE, which the API does not expose). */
export const DISPATCHABLE: NeedStatus[] = ["pending", "published"];

/** The projects of the caller's scope a need may be merged into (the server checks the community again). */
export function useProjectOptions(enabled: boolean) {
  return useQuery({
    queryKey: ["needs", "projects"],
    queryFn: () =>
      allPages(
        (page) => unwrap(apiClient.GET("/api/projects/", { params: { query: { ...page, ordering: "-id" } } })),
        500,
      ),
    enabled,
  });
}

/** 合并为项目: POST needs/merge/ (400 other community, 409 a need no longer pending or published). */
export function useMergeNeeds() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MergeInput) => unwrap(apiClient.POST("/api/needs/merge/", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["needs"] }),
  });
}

/** 生成班次: POST needs/<id>/shifts/ — one shift per date (409 when one exists at that date and time). */
export function useNeedToShifts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: NeedShiftsInput }) =>
      unwrap(apiClient.POST("/api/needs/{id}/shifts/", { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["needs"] }),
  });
}
