// The needs list (需求清单) in the caller's scope: filing and editing needs, their owner (首问: hand-over, history).
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
export type NeedInput = Schema<"NeedRequest">;
export type NeedCategory = Schema<"NeedCategoryEnum">;
export type NeedType = Schema<"TypeEnum">;
export type NeedSource = Schema<"NeedSourceEnum">;
export type NeedOwnership = Schema<"NeedOwnership">;
export type OwnerCandidate = Schema<"NeedOwnerCandidate">;
export type HandOverInput = Schema<"NeedHandOverInputRequest">;

// The choices of the form, typed by the schema's enums (a value the server drops fails the type check here).
export const CATEGORIES: NeedCategory[] = [
  "elderly",
  "children",
  "health",
  "legal",
  "environment",
  "culture",
  "safety",
  "hardship",
  "other",
];
export const TYPES: NeedType[] = ["service", "object", "venue", "funds", "expertise"];
export const SOURCES: NeedSource[] = ["resident", "grid", "community", "unit", "project_bank"];

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

/** Not yet finished: an open need may be handed over (a copy of backend needs/models.py Need.OPEN). */
export const OPEN: NeedStatus[] = ["pending", "published", "claimed", "in_service"];

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

/** One need as its detail shows it (the requester's contact unmasked, for the coordinators of its scope). */
export function useNeed(id: number | null) {
  return useQuery({
    queryKey: ["needs", "detail", id],
    queryFn: () => unwrap(apiClient.GET("/api/needs/{id}/", { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}

/** 点单: file a need (the caller owns it; a deadline left empty defaults by category and urgency) or edit one. */
export function useSaveNeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: NeedInput }) =>
      id === undefined
        ? unwrap(apiClient.POST("/api/needs/", { body }))
        : unwrap(apiClient.PATCH("/api/needs/{id}/", { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["needs"] }),
  });
}

/** The district's days to finish by category and urgency (限时办结), for the form to show a new need's deadline. */
export function useDeadlineRules() {
  return useQuery({
    queryKey: ["needs", "deadline-rules"],
    queryFn: () => unwrap(apiClient.GET("/api/needs/deadline-rules/")),
    staleTime: 600_000,
  });
}

export type DeadlineRule = Schema<"NeedDeadlineRule">;

/** Set rows of the table (the district's administrators; 403 for others); needs already filed keep their deadlines. */
export function useSetDeadlineRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: DeadlineRule[]) => unwrap(apiClient.PUT("/api/needs/deadline-rules/", { body: { rules } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["needs", "deadline-rules"] }),
  });
}

/** The grids (网格) of one community. */
export function useNeedGrids(community: number | undefined) {
  return useQuery({
    queryKey: ["needs", "grids", community],
    queryFn: () =>
      allPages((page) => unwrap(apiClient.GET("/api/grids/", { params: { query: { ...page, community } } }))),
    enabled: community !== undefined,
    staleTime: 600_000,
  });
}

/** Every owner the need has had (who, from when, handed over by whom, why), the first first. */
export function useNeedOwners(id: number) {
  return useQuery({
    queryKey: ["needs", "owners", id],
    queryFn: () => unwrap(apiClient.GET("/api/needs/{id}/owners/", { params: { path: { id } } })),
  });
}

/** The colleagues a need may be handed over to: active coordinators whose scope covers its community. */
export function useOwnerCandidates(id: number) {
  return useQuery({
    queryKey: ["needs", "owner-candidates", id],
    queryFn: () => unwrap(apiClient.GET("/api/needs/{id}/owner-candidates/", { params: { path: { id } } })),
  });
}

/** 移交: POST needs/<id>/hand-over/ (400 not a colleague covering the need, 403 not its owner, 409 finished). */
export function useHandOverNeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: HandOverInput }) =>
      unwrap(apiClient.POST("/api/needs/{id}/hand-over/", { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["needs"] }),
  });
}

export type NeedTakerKind = Schema<"NeedTakerKindEnum">;
export type TakeInput = Schema<"NeedTakeInputRequest">;
export const TAKER_KINDS: NeedTakerKind[] = ["volunteer", "team", "unit"];

/** A need may be taken (接单) while published, or claimed without a taker yet (a copy of backend needs/services.py
 * TAKEABLE with need_take's rule of one taker; the server checks again). */
export function isTakeable(need: Pick<Need, "status" | "taker">): boolean {
  return need.taker == null && (need.status === "published" || need.status === "claimed");
}

export interface TakerOption {
  value: number;
  label: string;
}

/** Who may be recorded as a need's taker: the volunteers (active ones), teams or units of the caller's scope whose
 * name matches the search, twenty at a time, from the lists the app reads them from. */
export function useTakerOptions(kind: NeedTakerKind, search: string) {
  return useQuery({
    queryKey: ["needs", "taker-options", kind, search],
    queryFn: async (): Promise<TakerOption[]> => {
      const query = { search: search.trim() || undefined, page_size: 20 };
      if (kind === "volunteer") {
        const found = await unwrap(
          apiClient.GET("/api/volunteers/", { params: { query: { ...query, active: true } } }),
        );
        return found.results.map((v) => ({ value: v.id, label: `${v.name}（${v.number}）· ${v.home_community_name}` }));
      }
      if (kind === "team") {
        const found = await unwrap(apiClient.GET("/api/teams/", { params: { query } }));
        return found.results.map((team) => ({ value: team.id, label: team.name }));
      }
      const found = await unwrap(apiClient.GET("/api/units/", { params: { query } }));
      return found.results.map((unit) => ({ value: unit.id, label: unit.name }));
    },
    staleTime: 30_000,
  });
}

/** 记录接单: POST needs/<id>/take/ with one taker (400 an unknown one or not exactly one, 409 taken or not open). */
export function useTakeNeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: TakeInput }) =>
      unwrap(apiClient.POST("/api/needs/{id}/take/", { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["needs"] }),
  });
}
