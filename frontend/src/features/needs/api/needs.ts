// The needs list (需求清单) in the caller's scope.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { api, type Page } from "@/lib/api";

export interface Need {
  id: number;
  title: string;
  source: string;
  community_name: string;
  category: string;
  is_micro_wish: boolean;
  urgency: number;
  deadline: string | null;
  status: string;
}

export function useNeeds(params: ListParams) {
  return useQuery({
    queryKey: ["needs", params],
    queryFn: () => api<Page<Need>>("needs/", { params: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

/** Where a need may go next (needs/models.py Need.TRANSITIONS); the server checks again. */
export const NEXT_STATUS: Record<string, string[]> = {
  pending: ["published", "closed"],
  published: ["claimed", "closed"],
  claimed: ["in_service", "published", "closed"],
  in_service: ["completed"],
  completed: ["rated", "closed"],
  rated: [],
  closed: [],
};

export function useNeedTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: number; status: string }) =>
      api<Need>(`needs/${id}/transition/`, { method: "POST", body: { status } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["needs"] }),
  });
}
