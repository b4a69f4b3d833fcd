// The needs list (需求清单) in the caller's scope.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { api, type Page } from "@/lib/api";

export interface Need {
  id: number;
  title: string;
  source: string;
  community_name: string;
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
