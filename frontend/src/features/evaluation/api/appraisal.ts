// Democratic appraisal (民主测评): rounds with their one-time codes and results (coordinators), and the public
// ballot a representative opens with a code (no account).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAll } from "@/lib/api";

/** AppraisalRound (backend/evaluation/apis.py). */
export interface AppraisalRound {
  id: number;
  year: number;
  title: string;
  community: number | null;
  community_name: string | null;
  sub_district: number | null;
  sub_district_name: string | null;
  units: number[];
  ballot_count: number;
  used_count: number;
  created_at: string;
}

/** AppraisalRoundCreated: the codes are in this answer only. */
export interface AppraisalRoundCreated extends AppraisalRound {
  codes: string[];
}

/** AppraisalUnitResult. */
export interface AppraisalUnitResult {
  unit: number;
  unit_name: string;
  count: number;
  satisfied: number;
  basically_satisfied: number;
  dissatisfied: number;
  satisfaction_rate: number | null;
}

export interface AppraisalRoundDetail extends AppraisalRound {
  results: AppraisalUnitResult[];
}

export interface AppraisalRoundCreate {
  year: number;
  title: string;
  community: number | null;
  sub_district: number | null;
  units: number[];
  ballots: number;
}

export type Rating = "satisfied" | "basically_satisfied" | "dissatisfied";

/** AppraisalBallot. */
export interface AppraisalBallot {
  year: number;
  title: string;
  units: { id: number; name: string }[];
  ratings: { value: Rating; label: string }[];
}

export function useAppraisalRounds() {
  return useQuery({ queryKey: ["appraisal", "rounds"], queryFn: () => api<AppraisalRound[]>("appraisal/rounds/") });
}

export function useAppraisalRound(id: number | null) {
  return useQuery({
    enabled: id !== null,
    queryKey: ["appraisal", "round", id],
    queryFn: () => api<AppraisalRoundDetail>(`appraisal/rounds/${id}/`),
  });
}

export function useCreateAppraisalRound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AppraisalRoundCreate) => api<AppraisalRoundCreated>("appraisal/rounds/", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["appraisal"] }),
  });
}

export function useBallot(code: string) {
  return useQuery({
    queryKey: ["appraisal", "ballot", code],
    queryFn: () => api<AppraisalBallot>(`appraisal/ballots/${encodeURIComponent(code)}/`),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useSubmitBallot(code: string) {
  return useMutation({
    mutationFn: (ratings: { unit: number; rating: Rating }[]) =>
      api<void>(`appraisal/ballots/${encodeURIComponent(code)}/`, { method: "POST", body: { ratings } }),
  });
}

/** The address a representative opens with their code. */
export const ballotUrl = (code: string, origin = window.location.origin) => `${origin}/appraisal/${code}`;

/** The communities of the caller's scope (the domain router's list, scoped by the server). */
export function useScopeCommunities(enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["appraisal", "communities"],
    queryFn: () => fetchAll<{ id: number; name: string }>("communities/"),
    staleTime: 10 * 60_000,
  });
}
