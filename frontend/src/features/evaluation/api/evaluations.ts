// Annual evaluation (年度考评): the year's scoped results, one unit's breakdown, the coordinators' figures and the
// computation; the CSV/XLSX export is a plain link.
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, buildUrl, unwrap, type Schema } from "@/lib/api";

export type UnitEvaluation = Schema<"UnitEvaluation">;
export type BreakdownItem = Schema<"BreakdownItem">;
export type UnitEvaluationDetail = Schema<"UnitEvaluationDetail">;
export type Measure = Schema<"MeasureEnum">;
export const MEASURES: Measure[] = ["study", "guidance", "meetings_held", "suggestions_adopted"];
/** Entered points (study, team guidance) count from 0 to 10; the others are counts. */
export const POINT_MEASURES: Measure[] = ["study", "guidance"];
export type EvaluationInput = Schema<"EvaluationInput">;
export type EvaluationInputSet = Schema<"EvaluationInputSetRequest">;

export function useEvaluations(year: number) {
  return useQuery({
    queryKey: ["evaluations", "list", year],
    queryFn: () => unwrap(apiClient.GET("/api/evaluations/", { params: { query: { year } } })),
  });
}

export function useEvaluation(id: number | null) {
  return useQuery({
    queryKey: ["evaluations", "detail", id],
    // skipToken until a row is opened (what `enabled: false` does, with the id typed as present when it runs)
    queryFn:
      id === null
        ? skipToken
        : () => unwrap(apiClient.GET("/api/evaluations/{evaluation_id}/", { params: { path: { evaluation_id: id } } })),
  });
}

export function useComputeEvaluations() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => unwrap(apiClient.POST("/api/evaluations/compute/", { body: { year } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["evaluations"] }),
  });
}

export function useEvaluationInputs(year: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["evaluations", "inputs", year],
    queryFn: () => unwrap(apiClient.GET("/api/evaluations/inputs/", { params: { query: { year } } })),
  });
}

export function useSetEvaluationInput() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EvaluationInputSet) => unwrap(apiClient.POST("/api/evaluations/inputs/", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["evaluations", "inputs"] }),
  });
}

export const evaluationExportUrl = (year: number, format: "csv" | "xlsx") =>
  buildUrl("evaluations/export/", { year, format });

/** The units of the caller's scope (the domain router's list, scoped by the server), optionally of one community. */
export function useScopeUnits(community?: number | null, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["evaluations", "units", community ?? "all"],
    queryFn: () =>
      unwrap(
        apiClient.GET("/api/units/", { params: { query: { page_size: 200, community: community ?? undefined } } }),
      ),
    staleTime: 5 * 60_000,
  });
}
