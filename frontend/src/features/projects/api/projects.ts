// Projects (项目清单): the caller's list, create, edit and delete; the communities a project may belong to.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { api, fetchAll, type Page } from "@/lib/api";

/** The kinds of resource a project can ask for (the resources' categories). */
export const RESOURCE_KINDS = ["venue", "vehicle", "equipment", "goods", "funds", "expertise"] as const;

export type Frequency = "once" | "weekly" | "monthly";
export const FREQUENCIES: Frequency[] = ["once", "weekly", "monthly"];

export interface Project {
  id: number;
  community: number;
  community_name: string;
  name: string;
  goals: string;
  unit: number | null;
  team: number | null;
  needs: number[];
  resources: number[];
  frequency: Frequency;
  start_date: string;
  end_date: string;
  weekdays: number[];
  start_time: string | null;
  end_time: string | null;
  seats: number;
  required_skills: Record<string, number>;
  resource_kind: string;
  resource_min_capacity: number;
}

/** What the form sends: the fields people edit here (needs, resources, unit and team are kept as they are). */
export type ProjectInput = Pick<
  Project,
  "community" | "name" | "goals" | "frequency" | "start_date" | "end_date" | "weekdays" | "start_time" | "end_time" | "seats" | "required_skills"
  | "resource_kind" | "resource_min_capacity"
>;

export interface CommunityOption {
  id: number;
  name: string;
}

const key = ["projects"] as const;

export function useProjects(params: ListParams) {
  return useQuery({
    queryKey: [...key, params],
    queryFn: () => api<Page<Project>>("projects/", { params: { ordering: "-start_date", ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useProjectCommunities() {
  return useQuery({ queryKey: [...key, "communities"], queryFn: () => fetchAll<CommunityOption>("communities/"), staleTime: 600_000 });
}

export function useSaveProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: ProjectInput }) =>
      id ? api<Project>(`projects/${id}/`, { method: "PATCH", body }) : api<Project>("projects/", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`projects/${id}/`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
