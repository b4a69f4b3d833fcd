// Democratic appraisal (民主测评): rounds with their one-time codes and results (coordinators), and the public
// ballot a representative opens with a code (no account).
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, unwrap, type Schema } from "@/lib/api";

export type AppraisalRound = Schema<"AppraisalRound">;
/** The codes are in this answer only. */
export type AppraisalRoundCreated = Schema<"AppraisalRoundCreated">;
export type AppraisalUnitResult = Schema<"AppraisalUnitResult">;
export type AppraisalRoundDetail = Schema<"AppraisalRoundDetail">;
export type AppraisalRoundCreate = Schema<"AppraisalRoundCreateRequest">;
export type Rating = Schema<"RatingEnum">;
export type AppraisalBallot = Schema<"AppraisalBallot">;

export function useAppraisalRounds() {
  return useQuery({
    queryKey: ["appraisal", "rounds"],
    queryFn: () => unwrap(apiClient.GET("/api/appraisal/rounds/")),
  });
}

export function useAppraisalRound(id: number | null) {
  return useQuery({
    queryKey: ["appraisal", "round", id],
    // skipToken until a round is chosen (what `enabled: false` does, with the id typed as present when it runs)
    queryFn:
      id === null
        ? skipToken
        : () => unwrap(apiClient.GET("/api/appraisal/rounds/{round_id}/", { params: { path: { round_id: id } } })),
  });
}

/** onCreated is called with the round and its codes, which the server shows only this once: it is the mutation's own
 * callback, so it runs even when the form that sent the request has closed meanwhile (a callback given to `mutate`
 * would be skipped then, and the codes lost). */
export function useCreateAppraisalRound(onCreated: (round: AppraisalRoundCreated) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AppraisalRoundCreate) => unwrap(apiClient.POST("/api/appraisal/rounds/", { body })),
    onSuccess: (round) => {
      onCreated(round);
      return client.invalidateQueries({ queryKey: ["appraisal"] });
    },
  });
}

export function useBallot(code: string) {
  return useQuery({
    queryKey: ["appraisal", "ballot", code],
    queryFn: () => unwrap(apiClient.GET("/api/appraisal/ballots/{code}/", { params: { path: { code } } })),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useSubmitBallot(code: string) {
  return useMutation({
    mutationFn: (ratings: Schema<"AppraisalBallotRatingRequest">[]) =>
      unwrap(apiClient.POST("/api/appraisal/ballots/{code}/", { params: { path: { code } }, body: { ratings } })),
  });
}

/** The address a representative opens with their code. */
export const ballotUrl = (code: string, origin = window.location.origin) => `${origin}/appraisal/${code}`;
