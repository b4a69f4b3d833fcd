// Resources (资源清单): the caller's list, create and edit; the communities and the unit a form defaults from.
import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, unwrap, type Schema } from "@/lib/api";

export type Category = Schema<"ResourceCategoryEnum">;
export const CATEGORIES: Category[] = ["venue", "vehicle", "equipment", "goods", "funds", "expertise"];

export type Slot = Schema<"ResourceSlotInline">;
export type Resource = Schema<"Resource">;
export type ResourceInput = Schema<"ResourceRequest">;
export type SlotInput = Schema<"ResourceSlotRequest">;

const key = ["resources"] as const;

export function useResources(params: { page: number; page_size: number; search?: string }) {
  return useQuery({
    queryKey: [...key, params],
    queryFn: () => unwrap(apiClient.GET("/api/resources/", { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useSaveResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: ResourceInput }) =>
      unwrap(
        id
          ? apiClient.PATCH("/api/resources/{id}/", { params: { path: { id } }, body })
          : apiClient.POST("/api/resources/", { body }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useMyUnit(unitId: number | null) {
  return useQuery({
    queryKey: ["resources", "unit", unitId],
    queryFn:
      unitId === null
        ? skipToken
        : () => unwrap(apiClient.GET("/api/units/{id}/", { params: { path: { id: unitId } } })),
    staleTime: 600_000,
  });
}

export function useAddSlot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SlotInput) => unwrap(apiClient.POST("/api/resource-slots/", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useRemoveSlot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(apiClient.DELETE("/api/resource-slots/{id}/", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
