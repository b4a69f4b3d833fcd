// Post allocation runs (定岗): list, one run (polled while it works), start, re-run, cancel, publish.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "@/lib/api";
import { isActive, type AllocationRun, type AllocationStartInput } from "./types";

export const allocationKeys = {
  all: ["allocation", "runs"] as const,
  list: (page: number) => ["allocation", "runs", "list", page] as const,
  detail: (id: number) => ["allocation", "runs", "detail", id] as const,
};

export function useAllocationRuns(page: number) {
  return useQuery({
    queryKey: allocationKeys.list(page),
    queryFn: () => api<Page<AllocationRun>>("allocation/runs/", { params: { page, page_size: 10 } }),
    placeholderData: keepPreviousData,
  });
}

/** Polling interval while a run is queued or solving; it stops once the run has ended. */
export const POLL_MS = 1000;

export function useAllocationRun(id: number | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: allocationKeys.detail(id ?? 0),
    queryFn: async () => {
      const run = await api<AllocationRun>(`allocation/runs/${id}/`);
      if (!isActive(run.status)) void client.invalidateQueries({ queryKey: ["allocation", "runs", "list"] });
      return run;
    },
    enabled: !!id,
    refetchInterval: (query) => (isActive(query.state.data?.status) ? POLL_MS : false),
  });
}

function useRunMutation<I>(request: (input: I) => Promise<AllocationRun>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (run) => {
      client.setQueryData(allocationKeys.detail(run.id), run);
      void client.invalidateQueries({ queryKey: allocationKeys.all });
    },
  });
}

export const useStartAllocation = () =>
  useRunMutation((body: AllocationStartInput) => api<AllocationRun>("allocation/runs/", { method: "POST", body }));

export const useRerunAllocation = (id: number) =>
  useRunMutation(() => api<AllocationRun>(`allocation/runs/${id}/rerun/`, { method: "POST" }));

export const useCancelAllocation = (id: number) =>
  useRunMutation(() => api<AllocationRun>(`allocation/runs/${id}/cancel/`, { method: "POST" }));

export const usePublishAllocation = (id: number) =>
  useRunMutation(() => api<AllocationRun>(`allocation/runs/${id}/publish/`, { method: "POST" }));
