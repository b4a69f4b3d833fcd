// What is open to take after a plan is published: open seats (first come, first served) and micro-wishes (微心愿).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type OpenSeat = Schema<"OpenSeat">;
export type MicroWish = Schema<"MicroWish">;

const seatsKey = ["volunteering", "open-seats"] as const;
const wishesKey = ["volunteering", "wishes"] as const;

export function useOpenSeats() {
  return useQuery({ queryKey: seatsKey, queryFn: () => unwrap(apiClient.GET("/api/volunteering/open-seats/")) });
}

export function useClaimSeat() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (shiftId: number) =>
      unwrap(
        apiClient.POST("/api/volunteering/open-seats/{shift_id}/claim/", { params: { path: { shift_id: shiftId } } }),
      ),
    // a claim and a refusal both change what is open (a seat taken by someone else disappears too)
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: seatsKey }),
        client.invalidateQueries({ queryKey: ["volunteering", "posts"] }),
      ]),
  });
}

export function useWishes() {
  return useQuery({
    queryKey: wishesKey,
    queryFn: () => allPages((page) => unwrap(apiClient.GET("/api/volunteering/wishes/", { params: { query: page } }))),
  });
}

export function useClaimWish() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (needId: number) =>
      unwrap(apiClient.POST("/api/volunteering/wishes/{need_id}/claim/", { params: { path: { need_id: needId } } })),
    onSettled: () => client.invalidateQueries({ queryKey: wishesKey }),
  });
}
