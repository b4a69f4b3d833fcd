// A run's plan under review beyond what every kind of run has (components/runs/api.ts): every assignment at once
// (the week view, the hours chart) and the comparison with another version.
import { useQuery } from "@tanstack/react-query";
import { allPages, apiClient, unwrap } from "@/lib/api";
import { matchingRuns } from "./runs";

/** Every assignment of a run (for the week view and the hours chart). */
export function useAllAssignments(runId: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["planning", "assignments", runId, "all"],
    queryFn: () =>
      allPages((page) =>
        unwrap(apiClient.GET("/api/planning/runs/{id}/assignments/", { params: { path: { id: runId }, query: page } })),
      ),
  });
}

export const useUnfilled = matchingRuns.useUnfilled;

/** `baseId` (an earlier version) against `runId`: "added" are the rows `runId` has and `baseId` lacks. */
export function useCompare(baseId: number | undefined, runId: number) {
  return useQuery({
    queryKey: ["planning", "compare", runId, baseId ?? 0],
    queryFn: () =>
      unwrap(
        apiClient.GET("/api/planning/runs/{id}/compare/{other_id}/", {
          params: { path: { id: baseId ?? 0, other_id: runId } },
        }),
      ),
    enabled: !!baseId,
  });
}
