// The unit's side of the weekly plan (backend/lending): a week's published bookings, the upcoming withdrawals
// (from today on, with whether each can still be taken back), withdrawing a resource for a day, and taking a
// withdrawal back. Withdrawing or taking back refreshes both lists.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, unwrap, type Schema } from "@/lib/api";

export type Booking = Schema<"UnitBooking">;
export type Withdrawal = Schema<"WithdrawalOutput">;

export interface BookingParams {
  week: string;
  resource?: number;
  date?: string;
  page: number;
  page_size: number;
}

/** Withdrawals from today on (the server's default start), optionally of one resource. */
export interface WithdrawalParams {
  resource?: number;
  page: number;
  page_size: number;
}

const keys = {
  bookings: ["lending", "bookings"] as const,
  withdrawals: ["lending", "withdrawals"] as const,
};

export function useBookings(params: BookingParams) {
  return useQuery({
    queryKey: [...keys.bookings, params],
    queryFn: () => unwrap(apiClient.GET("/api/unit/bookings/", { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useWithdrawals(params: WithdrawalParams) {
  return useQuery({
    queryKey: [...keys.withdrawals, params],
    queryFn: () => unwrap(apiClient.GET("/api/unit/withdrawals/", { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export type WithdrawInput = Schema<"ResourceWithdrawInputRequest"> & { resource: number };

/** After a withdrawal or a take-back (also a refused one: the server's state moved on), both lists are stale. */
function useRefreshLending() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.withdrawals }),
      client.invalidateQueries({ queryKey: keys.bookings }),
    ]);
}

export function useWithdraw() {
  const refresh = useRefreshLending();
  return useMutation({
    mutationFn: ({ resource, date, reason }: WithdrawInput) =>
      unwrap(
        apiClient.POST("/api/unit/resources/{resource_id}/withdraw/", {
          params: { path: { resource_id: resource } },
          body: { date, reason },
        }),
      ),
    onSuccess: () => refresh(),
  });
}

export function useCancelWithdrawal() {
  const refresh = useRefreshLending();
  return useMutation({
    mutationFn: ({ resource, date }: { resource: number; date: string }) =>
      unwrap(
        apiClient.DELETE("/api/unit/resources/{resource_id}/withdrawals/{date}/", {
          params: { path: { resource_id: resource, date } },
        }),
      ),
    onSettled: () => refresh(),
  });
}
