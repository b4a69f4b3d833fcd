// The caller's inbox: list, mark one read, mark all read.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "@/lib/api";

export interface Notification {
  id: number;
  kind: string;
  title: string;
  body: string;
  payload: Record<string, unknown>;
  created_at: string;
  read: boolean;
}

const key = ["notifications"] as const;

export function useInbox(page: number) {
  return useQuery({
    queryKey: [...key, page],
    queryFn: () => api<Page<Notification>>("notifications/", { params: { page, page_size: 20 } }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<Notification>(`notifications/${id}/read/`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ marked: number }>("notifications/read-all/", { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
