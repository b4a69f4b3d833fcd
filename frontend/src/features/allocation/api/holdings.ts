// The member's side of 定岗: my standing posts (post holdings) and declining one with a reason.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { allPages, apiClient, unwrap } from "@/lib/api";

const key = ["allocation", "holdings"] as const;

export function useMyHoldings() {
  return useQuery({
    queryKey: key,
    queryFn: () => allPages((page) => unwrap(apiClient.GET("/api/me/post-holdings/", { params: { query: page } }))),
  });
}

export function useDeclineHolding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      unwrap(
        apiClient.POST("/api/me/post-holdings/{holding_id}/decline/", {
          params: { path: { holding_id: id } },
          body: { reason },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
