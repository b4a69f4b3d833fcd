// The needs list (需求清单) in the caller's scope.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { api, fetchAll, type Page } from "@/lib/api";

export interface Need {
  id: number;
  title: string;
  source: string;
  community: number;
  community_name: string;
  required_skills: Record<string, number>;
  headcount: number;
  wanted_start: string | null;
  wanted_end: string | null;
  category: string;
  is_micro_wish: boolean;
  urgency: number;
  deadline: string | null;
  status: string;
  /** Open and past its deadline (限时办结). */
  overdue: boolean;
  finished_at: string | null;
  rating_score: number | null;
  rating_comment: string;
  /** The user id of whoever entered the rating. */
  rated_by: number | null;
  rated_at: string | null;
}

/** What POST needs/<id>/rating/ answers (NeedRatingOutputSerializer). */
export interface NeedRating {
  need: number;
  status: string;
  score: number;
  comment: string;
  entered_by: string | null;
  rated_at: string;
}

/** GET needs/overdue-count/: the caller's scope, today. */
export interface NeedOverdueCounts {
  today: string;
  overdue: number;
  closed_in_time: number;
  closed_late: number;
}

export function useNeeds(params: ListParams) {
  return useQuery({
    queryKey: ["needs", params],
    queryFn: () => api<Page<Need>>("needs/", { params: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Where a need may go next by the transition action (needs/models.py Need.TRANSITIONS); the server checks again.
 * A completed need becomes rated only through its rating (评单, `useRateNeed`), never as a transition.
 */
export const NEXT_STATUS: Record<string, string[]> = {
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
    mutationFn: ({ id, status }: { id: number; status: string }) =>
      api<Need>(`needs/${id}/transition/`, { method: "POST", body: { status } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["needs"] }),
  });
}

/** 评单: enter the resident's rating (1-5 and a comment) of a completed need; 409 when rated already or not completed. */
export function useRateNeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, score, comment }: { id: number; score: number; comment: string }) =>
      api<NeedRating>(`needs/${id}/rating/`, { method: "POST", body: { score, comment } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["needs"] }),
  });
}

export function useNeedOverdueCounts() {
  return useQuery({
    queryKey: ["needs", "overdue-count"],
    queryFn: () => api<NeedOverdueCounts>("needs/overdue-count/"),
  });
}

/** A need may be dispatched (merged into a project, turned into shifts) while pending or published; pending ones
 * are approved on the way (backend needs/services.py DISPATCHABLE). */
export const DISPATCHABLE = ["pending", "published"];

export interface ProjectOption {
  id: number;
  name: string;
  community: number;
  community_name: string;
  start_date: string;
  end_date: string;
}

/** The projects of the caller's scope a need may be merged into (the server checks the community again). */
export function useProjectOptions(enabled: boolean) {
  return useQuery({
    queryKey: ["needs", "projects"],
    queryFn: () => fetchAll<ProjectOption>("projects/", { ordering: "-id" }, 500),
    enabled,
  });
}

export interface NewProject {
  name: string;
  start_date: string;
  end_date: string;
  goals: string;
}

export type MergeInput = { needs: number[] } & ({ project: number; new_project?: undefined } | { project?: undefined; new_project: NewProject });

export interface MergeResult {
  project: number;
  name: string;
  community: number;
  needs: number[];
}

/** 合并为项目: POST needs/merge/ (400 other community, 409 a need no longer pending or published). */
export function useMergeNeeds() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MergeInput) => api<MergeResult>("needs/merge/", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["needs"] }),
  });
}

export interface NeedShiftsInput {
  dates: string[];
  start_time: string;
  end_time: string;
  seats: number;
  required_skills: Record<string, number>;
  address: string;
}

export interface NeedShiftsResult {
  need: Need;
  shifts: { id: number; title: string; start: string; end: string; seats: number; priority: number }[];
}

/** 生成班次: POST needs/<id>/shifts/ — one shift per date (409 when one exists at that date and time). */
export function useNeedToShifts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: NeedShiftsInput }) =>
      api<NeedShiftsResult>(`needs/${id}/shifts/`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["needs"] }),
  });
}
