// A run's plan under review: assignments (add, pin, remove), unfilled seats, comparison with another version.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAll, type Page } from "@/lib/api";
import type { Assignment, RunComparison, UnfilledSeat } from "./types";

const keys = {
  assignments: (runId: number, page: number, pageSize: number) => ["planning", "assignments", runId, page, pageSize] as const,
  allAssignments: (runId: number) => ["planning", "assignments", runId, "all"] as const,
  unfilled: (runId: number) => ["planning", "unfilled", runId] as const,
  compare: (runId: number, otherId: number) => ["planning", "compare", runId, otherId] as const,
};

export function useAssignments(runId: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: keys.assignments(runId, page, pageSize),
    queryFn: () =>
      api<Page<Assignment>>(`planning/runs/${runId}/assignments/`, { params: { page, page_size: pageSize } }),
    placeholderData: keepPreviousData,
  });
}

/** Every assignment of a run (for the hours chart). */
export function useAllAssignments(runId: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: keys.allAssignments(runId),
    queryFn: () => fetchAll<Assignment>(`planning/runs/${runId}/assignments/`),
  });
}

export function useUnfilled(runId: number) {
  return useQuery({
    queryKey: keys.unfilled(runId),
    queryFn: () => fetchAll<UnfilledSeat>(`planning/runs/${runId}/unfilled/`),
  });
}

/** `baseId` (an earlier version) against `runId`: "added" are the rows `runId` has and `baseId` lacks. */
export function useCompare(baseId: number | undefined, runId: number) {
  return useQuery({
    queryKey: keys.compare(runId, baseId ?? 0),
    queryFn: () => api<RunComparison>(`planning/runs/${baseId}/compare/${runId}/`),
    enabled: !!baseId,
  });
}

function useRefreshReview(runId: number) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ["planning", "assignments", runId] });
    void client.invalidateQueries({ queryKey: ["planning", "unfilled", runId] });
    void client.invalidateQueries({ queryKey: ["planning", "compare", runId] });
  };
}

export function useAddAssignment(runId: number) {
  const refresh = useRefreshReview(runId);
  return useMutation({
    mutationFn: (body: { shift: number; volunteer: number }) =>
      api<Assignment>(`planning/runs/${runId}/assignments/`, { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function usePinAssignment(runId: number) {
  const refresh = useRefreshReview(runId);
  return useMutation({
    mutationFn: ({ id, pinned }: { id: number; pinned: boolean }) =>
      api<Assignment>(`planning/runs/${runId}/assignments/${id}/`, { method: "PATCH", body: { pinned } }),
    onSuccess: refresh,
  });
}

export function useRemoveAssignment(runId: number) {
  const refresh = useRefreshReview(runId);
  return useMutation({
    mutationFn: (id: number) => api<void>(`planning/runs/${runId}/assignments/${id}/`, { method: "DELETE" }),
    onSuccess: refresh,
  });
}
