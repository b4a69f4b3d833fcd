// Co-building agreements (共建协议, a unit's own 报到 to a community): the caller's list, create, edit, delete, and an
// item's progress; the units and communities an agreement may name.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type Agreement = Schema<"Agreement">;
export type AgreementItem = Schema<"AgreementItem">;
export type AgreementInput = Schema<"AgreementRequest">;

const key = ["agreements"] as const;

export function useAgreements(params: ListParams) {
  return useQuery({
    queryKey: [...key, params],
    queryFn: () => unwrap(apiClient.GET("/api/agreements/", { params: { query: { ordering: "-year", ...params } } })),
    placeholderData: keepPreviousData,
  });
}

export function useAgreementUnits() {
  return useQuery({
    queryKey: [...key, "units"],
    queryFn: () => allPages((page) => unwrap(apiClient.GET("/api/units/", { params: { query: page } }))),
    staleTime: 600_000,
  });
}

export function useSaveAgreement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: AgreementInput }) =>
      unwrap(
        id
          ? apiClient.PATCH("/api/agreements/{id}/", { params: { path: { id } }, body })
          : apiClient.POST("/api/agreements/", { body }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

/** Marks one item done or not: the server takes the agreement's whole list of items, so the others go as they are. */
export function useItemDone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ agreement, item, done }: { agreement: Agreement; item: AgreementItem; done: boolean }) =>
      unwrap(
        apiClient.PATCH("/api/agreements/{id}/", {
          params: { path: { id: agreement.id } },
          body: {
            items: (agreement.items ?? []).map(({ description, quantity, done: was, id }) => ({
              description,
              quantity,
              done: id === item.id ? done : was,
            })),
          },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteAgreement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(apiClient.DELETE("/api/agreements/{id}/", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

/** Items done out of all, counting each item's quantity once (an item is done or not). */
export function progressOf(agreement: Agreement): { done: number; total: number } {
  const items = agreement.items ?? [];
  return { done: items.filter((item) => item.done).length, total: items.length };
}
