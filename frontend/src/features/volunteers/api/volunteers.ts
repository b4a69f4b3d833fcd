// Volunteers in the caller's scope (phone numbers arrive masked).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { api, type Page } from "@/lib/api";

export interface Volunteer {
  id: number;
  number: string;
  name: string;
  kind: string;
  phone_display: string;
  home_community_name: string;
  employer_unit_name: string | null;
  skills: Record<string, number>;
  max_hours_per_week: number;
  active: boolean;
}

export function useVolunteers(params: ListParams) {
  return useQuery({
    queryKey: ["volunteers", params],
    queryFn: () => api<Page<Volunteer>>("volunteers/", { params: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export interface SkillOption {
  code: string;
  name: string;
  name_en: string;
}

export function useSkillOptions() {
  return useQuery({
    queryKey: ["volunteers", "skills"],
    queryFn: () => api<Page<SkillOption>>("skills/", { params: { page_size: 200 } }),
    staleTime: 600_000,
  });
}
