// The service menu (服务菜单): the offers of teams and units, kept by their keepers; an order taken from an offer for a
// resident (it files a need bound to it); the teams and units an offer may name.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type Offer = Schema<"ServiceOffer">;
export type OfferInput = Schema<"ServiceOfferRequest">;
export type OrderInput = Schema<"OfferOrderInputRequest">;
export type OrderOutput = Schema<"OfferOrderOutput">;

const key = ["offers"] as const;

export function useOffers(params: ListParams) {
  return useQuery({
    queryKey: [...key, params],
    queryFn: () => unwrap(apiClient.GET("/api/offers/", { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

/** The teams and units the caller may name as an offer's provider (the server refuses others). */
export function useProviders(enabled: boolean) {
  const teams = useQuery({
    queryKey: [...key, "teams"],
    queryFn: () => allPages((page) => unwrap(apiClient.GET("/api/teams/", { params: { query: page } }))),
    staleTime: 600_000,
    enabled,
  });
  const units = useQuery({
    queryKey: [...key, "units"],
    queryFn: () => allPages((page) => unwrap(apiClient.GET("/api/units/", { params: { query: page } }))),
    staleTime: 600_000,
    enabled,
  });
  return { teams, units };
}

export function useSaveOffer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: OfferInput }) =>
      unwrap(
        id
          ? apiClient.PATCH("/api/offers/{id}/", { params: { path: { id } }, body })
          : apiClient.POST("/api/offers/", { body }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useOrderOffer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: OrderInput }) =>
      unwrap(apiClient.POST("/api/offers/{id}/order/", { params: { path: { id } }, body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: ["needs"] });
    },
  });
}
