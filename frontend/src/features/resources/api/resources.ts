// Resources (资源清单): the caller's list, create and edit; the communities and the unit a form defaults from.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAll, type Page } from "@/lib/api";

export type Category = "venue" | "vehicle" | "equipment" | "goods" | "funds" | "expertise";
export const CATEGORIES: Category[] = ["venue", "vehicle", "equipment", "goods", "funds", "expertise"];

export interface Slot {
  id: number;
  weekday: number | null;
  date: string | null;
  start_time: string;
  end_time: string;
}

export interface Resource {
  id: number;
  unit: number | null;
  unit_name: string | null;
  community: number;
  community_name: string;
  name: string;
  category: Category;
  capacity: number;
  features: string[];
  address: string;
  lat: number;
  lng: number;
  conditions: string;
  status: "listed" | "withdrawn";
  slots: Slot[];
}

export type ResourceInput = Omit<Resource, "id" | "unit" | "unit_name" | "community_name" | "slots">;

const key = ["resources"] as const;

export function useResources(params: { page: number; page_size: number; search?: string }) {
  return useQuery({
    queryKey: [...key, params],
    queryFn: () => api<Page<Resource>>("resources/", { params: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: ResourceInput }) =>
      id
        ? api<Resource>(`resources/${id}/`, { method: "PATCH", body })
        : api<Resource>("resources/", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export interface Place {
  id: number;
  name: string;
  address: string;
  lat: number;
  lng: number;
}

export function useResourceCommunities() {
  return useQuery({ queryKey: ["resources", "communities"], queryFn: () => fetchAll<Place>("communities/"), staleTime: 600_000 });
}

export function useMyUnit(unitId: number | null) {
  return useQuery({
    queryKey: ["resources", "unit", unitId],
    queryFn: () => api<Place & { community: number }>(`units/${unitId}/`),
    enabled: !!unitId,
    staleTime: 600_000,
  });
}

export interface SlotInput {
  resource: number;
  weekday: number | null;
  date: string | null;
  start_time: string;
  end_time: string;
}

export function useAddSlot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SlotInput) => api<Slot>("resource-slots/", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useRemoveSlot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`resource-slots/${id}/`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
