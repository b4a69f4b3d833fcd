// The member's side of 定岗: my standing posts (post holdings) and declining one with a reason.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAll } from "@/lib/api";
import type { PostHolding } from "./types";

const key = ["allocation", "holdings"] as const;

export function useMyHoldings() {
  return useQuery({ queryKey: key, queryFn: () => fetchAll<PostHolding>("me/post-holdings/") });
}

export function useDeclineHolding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      api<PostHolding>(`me/post-holdings/${id}/decline/`, { method: "POST", body: { reason } }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
