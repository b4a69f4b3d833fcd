// The needs list (需求清单) in the caller's scope.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
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
