// A run's resource bookings under review: the list with why each resource was chosen and the requests left without
// one, a booking's alternatives, and the coordinator's pin or swap. Keyed under the run's review
// ([planning, what, run]), so that any change to the run's plan refreshes them too.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, unwrap } from "@/lib/api";

const bookingsKey = (runId: number) => ["planning", "bookings", runId] as const;
const alternativesKey = (runId: number, bookingId: number) => ["planning", "alternatives", runId, bookingId] as const;

export function useBookings(runId: number) {
  return useQuery({
    queryKey: bookingsKey(runId),
    queryFn: () => unwrap(apiClient.GET("/api/planning/runs/{id}/bookings/", { params: { path: { id: runId } } })),
  });
}

/** The other resources that keep every hard rule for the booking's request, nearest first (once one is chosen). */
export function useAlternatives(runId: number, bookingId: number | undefined) {
  return useQuery({
    enabled: !!bookingId,
    queryKey: alternativesKey(runId, bookingId ?? 0),
    queryFn: () =>
      unwrap(
        apiClient.GET("/api/planning/runs/{id}/bookings/{booking_id}/alternatives/", {
          params: { path: { id: runId, booking_id: bookingId ?? 0 } },
        }),
      ),
  });
}

function useBookingMutation<Input, Output>(runId: number, request: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      void client.invalidateQueries({
        predicate: ({ queryKey }) => queryKey[0] === "planning" && queryKey[1] !== "runs" && queryKey[2] === runId,
      }),
  });
}

export function usePinBooking(runId: number) {
  return useBookingMutation(runId, ({ id, pinned }: { id: number; pinned: boolean }) =>
    unwrap(
      apiClient.PATCH("/api/planning/runs/{id}/bookings/{booking_id}/", {
        params: { path: { id: runId, booking_id: id } },
        body: { pinned },
      }),
    ),
  );
}

export function useSwapBooking(runId: number) {
  return useBookingMutation(runId, ({ id, resource }: { id: number; resource: number }) =>
    unwrap(
      apiClient.POST("/api/planning/runs/{id}/bookings/{booking_id}/swap/", {
        params: { path: { id: runId, booking_id: id } },
        body: { resource },
      }),
    ),
  );
}
