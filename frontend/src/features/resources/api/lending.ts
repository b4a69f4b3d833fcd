// The unit's side of the weekly plan (backend/lending): a week's published bookings, the upcoming withdrawals
// (from today on, with whether each can still be taken back), withdrawing a resource for a day, and taking a
// withdrawal back. Withdrawing or taking back refreshes both lists.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "@/lib/api";

export interface Booking {
  id: number;
  run: number;
  resource: number;
  resource_name: string;
  unit_name: string | null;
  request: number;
  request_kind: string;
  min_capacity: number;
  shift: number;
  shift_title: string;
  date: string;
  start: string;
  end: string;
  community: number;
  community_name: string;
  address: string;
  /** The resource is withdrawn on this day; a replacement is being looked for. */
  withdrawn: boolean;
  /** The withdrawn resource this booking replaced, or null. */
  replaces: number | null;
}

export interface Withdrawal {
  id: number;
  resource: number;
  resource_name: string;
  date: string;
  reason: string;
  created_by: string | null;
  created_at: string;
  backfilled_at: string | null;
  /** No booking was given to another resource because of it yet: 取消撤回 is still possible. */
  can_take_back: boolean;
}

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
    queryFn: () => api<Page<Booking>>("unit/bookings/", { params: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useWithdrawals(params: WithdrawalParams) {
  return useQuery({
    queryKey: [...keys.withdrawals, params],
    queryFn: () => api<Page<Withdrawal>>("unit/withdrawals/", { params: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export interface WithdrawInput {
  resource: number;
  date: string;
  reason: string;
}

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
      api<Withdrawal>(`unit/resources/${resource}/withdraw/`, { method: "POST", body: { date, reason } }),
    onSuccess: () => refresh(),
  });
}

export function useCancelWithdrawal() {
  const refresh = useRefreshLending();
  return useMutation({
    mutationFn: ({ resource, date }: { resource: number; date: string }) =>
      api<void>(`unit/resources/${resource}/withdrawals/${date}/`, { method: "DELETE" }),
    onSettled: () => refresh(),
  });
}
