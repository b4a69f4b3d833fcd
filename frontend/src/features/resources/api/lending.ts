// The unit's side of the weekly plan (backend/lending): a week's published bookings, withdrawing a resource for
// a day, and taking a withdrawal back. There is no list of withdrawals: the ones made in this session are kept
// in the query cache so that their take-back stays at hand; a withdrawn booking row offers it too.
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
  date: string;
  reason: string;
  created_by: string | null;
  created_at: string;
  backfilled_at: string | null;
}

/** A withdrawal made in this session, with the resource's name for the list. */
export interface RecentWithdrawal extends Withdrawal {
  resource_name: string;
}

export interface BookingParams {
  week: string;
  resource?: number;
  date?: string;
  page: number;
  page_size: number;
}

const keys = {
  bookings: ["lending", "bookings"] as const,
  recent: ["lending", "recent"] as const,
};

export function useBookings(params: BookingParams) {
  return useQuery({
    queryKey: [...keys.bookings, params],
    queryFn: () => api<Page<Booking>>("unit/bookings/", { params: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useRecentWithdrawals() {
  return useQuery<RecentWithdrawal[]>({
    queryKey: keys.recent,
    queryFn: () => [],
    initialData: [],
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export interface WithdrawInput {
  resource: number;
  resource_name: string;
  date: string;
  reason: string;
}

export function useWithdraw() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ resource, date, reason }: WithdrawInput) =>
      api<Withdrawal>(`unit/resources/${resource}/withdraw/`, { method: "POST", body: { date, reason } }),
    onSuccess: (withdrawal, input) => {
      client.setQueryData<RecentWithdrawal[]>(keys.recent, (list = []) => [
        { ...withdrawal, resource_name: input.resource_name },
        ...list.filter((w) => !(w.resource === withdrawal.resource && w.date === withdrawal.date)),
      ]);
      void client.invalidateQueries({ queryKey: keys.bookings });
    },
  });
}

export function useCancelWithdrawal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ resource, date }: { resource: number; date: string }) =>
      api<void>(`unit/resources/${resource}/withdrawals/${date}/`, { method: "DELETE" }),
    onSuccess: (_, { resource, date }) => {
      client.setQueryData<RecentWithdrawal[]>(keys.recent, (list = []) =>
        list.filter((w) => !(w.resource === resource && w.date === date)),
      );
      void client.invalidateQueries({ queryKey: keys.bookings });
    },
  });
}
