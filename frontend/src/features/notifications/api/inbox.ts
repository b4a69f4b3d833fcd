// The caller's inbox: list, mark one read, mark all read.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, unwrap, type Schema } from "@/lib/api";

export type Notification = Schema<"NotificationOutput">;

const key = ["notifications"] as const;

export function useInbox(page: number) {
  return useQuery({
    queryKey: [...key, page],
    queryFn: () => unwrap(apiClient.GET("/api/notifications/", { params: { query: { page, page_size: 20 } } })),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(apiClient.POST("/api/notifications/{id}/read/", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(apiClient.POST("/api/notifications/read-all/")),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
