// A run's proposals under review (add by hand, pin, remove) and the posts it could not fill.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAll, type Page } from "@/lib/api";
import type { Proposal, UnfilledPost } from "./types";

export function useProposals(runId: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: ["allocation", "proposals", runId, page, pageSize],
    queryFn: () => api<Page<Proposal>>(`allocation/runs/${runId}/proposals/`, { params: { page, page_size: pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useUnfilledPosts(runId: number) {
  return useQuery({
    queryKey: ["allocation", "unfilled", runId],
    queryFn: () => fetchAll<UnfilledPost>(`allocation/runs/${runId}/unfilled/`),
  });
}

function useRefresh(runId: number) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ["allocation", "proposals", runId] });
    void client.invalidateQueries({ queryKey: ["allocation", "unfilled", runId] });
  };
}

export function useAddProposal(runId: number) {
  const onSuccess = useRefresh(runId);
  return useMutation({
    mutationFn: (body: { post: number; volunteer: number }) =>
      api<Proposal>(`allocation/runs/${runId}/proposals/`, { method: "POST", body }),
    onSuccess,
  });
}

export function usePinProposal(runId: number) {
  const onSuccess = useRefresh(runId);
  return useMutation({
    mutationFn: ({ id, pinned }: { id: number; pinned: boolean }) =>
      api<Proposal>(`allocation/runs/${runId}/proposals/${id}/`, { method: "PATCH", body: { pinned } }),
    onSuccess,
  });
}

export function useRemoveProposal(runId: number) {
  const onSuccess = useRefresh(runId);
  return useMutation({
    mutationFn: (id: number) => api<void>(`allocation/runs/${runId}/proposals/${id}/`, { method: "DELETE" }),
    onSuccess,
  });
}
