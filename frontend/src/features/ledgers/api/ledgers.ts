// Unit ledgers (驻区单位台账, 写实性档案): the monthly list in the caller's scope, one ledger with its figures and
// entries, and a coordinator's new entry.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { apiClient, unwrap, type Schema } from "@/lib/api";

export type LedgerListRow = Schema<"LedgerListOutput">;
export type LedgerEntry = Schema<"LedgerEntry">;
export type LedgerEntryInput = Schema<"LedgerEntryInputRequest">;

export function useLedgers(params: ListParams) {
  return useQuery({
    queryKey: ["ledgers", "list", params],
    // The list's filters are the page's own choice (unit, month); the server checks their values.
    queryFn: () => unwrap(apiClient.GET("/api/ledgers/", { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useLedger(id: number) {
  return useQuery({
    queryKey: ["ledgers", "detail", id],
    queryFn: () => unwrap(apiClient.GET("/api/ledgers/{ledger_id}/", { params: { path: { ledger_id: id } } })),
  });
}

/** Units a coordinator may filter by (the domain router's units list, scoped by the server). */
export function useLedgerUnits(enabled: boolean) {
  return useQuery({
    queryKey: ["ledgers", "units"],
    queryFn: () => unwrap(apiClient.GET("/api/units/", { params: { query: { page_size: 200 } } })),
    enabled,
  });
}

export function useAddLedgerEntry(ledgerId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LedgerEntryInput) =>
      unwrap(apiClient.POST("/api/ledgers/{ledger_id}/entries/", { params: { path: { ledger_id: ledgerId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["ledgers"] }),
  });
}
