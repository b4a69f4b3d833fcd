// Matching runs: list, one run (polled while it works), start, cancel, publish.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "@/lib/api";
import { isActive, type MatchingRun, type RunStartInput } from "./types";

export const runKeys = {
  all: ["planning", "runs"] as const,
  list: (params: RunListParams) => ["planning", "runs", "list", params] as const,
  detail: (id: number) => ["planning", "runs", "detail", id] as const,
};

export interface RunListParams {
  week?: string;
  status?: string;
  community?: number;
  sub_district?: number;
  level?: string;
  page?: number;
  page_size?: number;
}

export function useRuns(params: RunListParams) {
  return useQuery({
    queryKey: runKeys.list(params),
    queryFn: () => api<Page<MatchingRun>>("planning/runs/", { params: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

/** Polling interval while a run works; stops once it has ended. */
export const POLL_MS = 1000;

/** One run; polls while it is queued or working so that a progress bar can follow stage, progress and gap. */
export function useRun(id: number | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: runKeys.detail(id ?? 0),
    queryFn: async () => {
      const run = await api<MatchingRun>(`planning/runs/${id}/`);
      if (!isActive(run.status)) void client.invalidateQueries({ queryKey: ["planning", "runs", "list"] });
      return run;
    },
    enabled: !!id,
    refetchInterval: (query) => (isActive(query.state.data?.status) ? POLL_MS : false),
  });
}

export function useStartRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RunStartInput) => api<MatchingRun>("planning/runs/", { method: "POST", body }),
    onSuccess: (run) => {
      client.setQueryData(runKeys.detail(run.id), run);
      void client.invalidateQueries({ queryKey: runKeys.all });
    },
  });
}

export function useCancelRun(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<MatchingRun>(`planning/runs/${id}/cancel/`, { method: "POST" }),
    onSuccess: (run) => {
      client.setQueryData(runKeys.detail(id), run);
      void client.invalidateQueries({ queryKey: runKeys.all });
    },
  });
}

export function usePublishRun(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<MatchingRun>(`planning/runs/${id}/publish/`, { method: "POST" }),
    onSuccess: (run) => {
      client.setQueryData(runKeys.detail(id), run);
      void client.invalidateQueries({ queryKey: runKeys.all });
    },
  });
}
