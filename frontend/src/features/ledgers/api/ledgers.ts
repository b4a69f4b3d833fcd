// Unit ledgers (驻区单位台账, 写实性档案): the monthly list in the caller's scope, one ledger with its figures and
// entries, and a coordinator's new entry.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { api, type Page } from "@/lib/api";

/** LedgerOutputSerializer (backend/ledgers/apis.py). */
export interface Ledger {
  id: number;
  unit: number;
  unit_name: string;
  /** YYYY-MM */
  month: string;
  project_count: number;
  booking_count: number;
  resource_minutes: number;
  resource_hours: number;
  member_count: number;
  member_minutes: number;
  member_hours: number;
  written_at: string | null;
}

export interface LedgerListRow extends Ledger {
  entry_count: number;
}

export interface LedgerProject {
  id: number;
  name: string;
  community: string;
  /** "members" and/or "resources": how the unit took part. */
  roles: string[];
  sessions: number;
}

export interface LedgerResource {
  id: number;
  name: string;
  bookings: number;
  minutes: number;
}

export interface LedgerEntry {
  id: number;
  ledger: number;
  kind: "meeting" | "activity" | "note";
  date: string | null;
  title: string;
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface LedgerDetail extends Ledger {
  projects: LedgerProject[];
  resources: LedgerResource[];
  entries: LedgerEntry[];
}

export interface LedgerEntryInput {
  kind: LedgerEntry["kind"];
  title: string;
  note: string;
  date: string | null;
}

export function useLedgers(params: ListParams) {
  return useQuery({
    queryKey: ["ledgers", "list", params],
    queryFn: () => api<Page<LedgerListRow>>("ledgers/", { params: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useLedger(id: number) {
  return useQuery({ queryKey: ["ledgers", "detail", id], queryFn: () => api<LedgerDetail>(`ledgers/${id}/`) });
}

/** Units a coordinator may filter by (the domain router's units list, scoped by the server). */
export function useLedgerUnits(enabled: boolean) {
  return useQuery({
    queryKey: ["ledgers", "units"],
    queryFn: () => api<Page<{ id: number; name: string }>>("units/", { params: { page_size: 200 } }),
    enabled,
  });
}

export function useAddLedgerEntry(ledgerId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entry: LedgerEntryInput) => api<LedgerEntry>(`ledgers/${ledgerId}/entries/`, { method: "POST", body: entry }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["ledgers"] }),
  });
}
