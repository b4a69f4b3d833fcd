// Annual evaluation (年度考评): the year's scoped results, one unit's breakdown, the coordinators' figures and the
// computation; the CSV/XLSX export is a plain link.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, buildUrl, type Page } from "@/lib/api";

export type GradeCode = "excellent" | "good" | "fair" | "failing" | (string & {});

/** UnitEvaluation (backend/evaluation/apis.py). */
export interface UnitEvaluation {
  id: number;
  unit: number;
  unit_name: string;
  community_name: string;
  year: number;
  rank: number;
  item_score: number;
  bonus_score: number;
  scheme_score: number;
  appraisal_count: number;
  appraisal_rate: number | null;
  score: number;
  grade: GradeCode;
  grade_label: string;
  computed_at: string;
}

export interface BreakdownFigure {
  measure: string;
  value: number;
  source: "ledger" | "input" | "none" | (string & {});
  entered_by?: string | null;
}

export interface BreakdownItem {
  code: string;
  label: string;
  rule: string;
  bonus: boolean;
  max: number;
  points: number;
  figures: BreakdownFigure[];
}

/** UnitEvaluationDetail. */
export interface UnitEvaluationDetail extends UnitEvaluation {
  scheme: number | null;
  scheme_name: string | null;
  computed_by: string | null;
  breakdown: {
    items: BreakdownItem[];
    appraisal: { count: number; satisfaction_rate: number | null; weight: number };
  };
}

export type Measure = "meetings_held" | "study" | "guidance" | "suggestions_adopted";
export const MEASURES: Measure[] = ["study", "guidance", "meetings_held", "suggestions_adopted"];
/** Entered points (study, team guidance) count from 0 to 10; the others are counts. */
export const POINT_MEASURES: Measure[] = ["study", "guidance"];

/** EvaluationInput. */
export interface EvaluationInput {
  id: number;
  unit: number;
  unit_name: string;
  year: number;
  measure: Measure;
  value: number;
  note: string;
  entered_by: string | null;
  entered_at: string;
}

export interface EvaluationInputSet {
  unit: number;
  year: number;
  measure: Measure;
  value: number;
  note: string;
}

export function useEvaluations(year: number) {
  return useQuery({
    queryKey: ["evaluations", "list", year],
    queryFn: () => api<UnitEvaluation[]>("evaluations/", { params: { year } }),
  });
}

export function useEvaluation(id: number | null) {
  return useQuery({
    enabled: id !== null,
    queryKey: ["evaluations", "detail", id],
    queryFn: () => api<UnitEvaluationDetail>(`evaluations/${id}/`),
  });
}

export function useComputeEvaluations() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => api<{ year: number; computed: number }>("evaluations/compute/", { method: "POST", body: { year } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["evaluations"] }),
  });
}

export function useEvaluationInputs(year: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["evaluations", "inputs", year],
    queryFn: () => api<EvaluationInput[]>("evaluations/inputs/", { params: { year } }),
  });
}

export function useSetEvaluationInput() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EvaluationInputSet) => api<EvaluationInput>("evaluations/inputs/", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["evaluations", "inputs"] }),
  });
}

export const evaluationExportUrl = (year: number, format: "csv" | "xlsx") => buildUrl("evaluations/export/", { year, format });

/** The units of the caller's scope (the domain router's list, scoped by the server), optionally of one community. */
export function useScopeUnits(community?: number | null, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["evaluations", "units", community ?? "all"],
    queryFn: () => api<Page<{ id: number; name: string; community: number }>>("units/", { params: { page_size: 200, community } }),
    staleTime: 5 * 60_000,
  });
}
