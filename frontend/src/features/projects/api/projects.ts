// Projects (项目清单): the caller's list, create, edit and delete; the communities a project may belong to.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { apiClient, unwrap, type Schema } from "@/lib/api";

export type ResourceKind = Schema<"ResourceCategoryEnum">;
/** The kinds of resource a project can ask for (the resources' categories). */
export const RESOURCE_KINDS: ResourceKind[] = ["venue", "vehicle", "equipment", "goods", "funds", "expertise"];

export type Frequency = Schema<"FrequencyEnum">;
export const FREQUENCIES: Frequency[] = ["once", "weekly", "monthly"];

export type Project = Schema<"Project">;

/** What the form sends: the fields people edit here (needs, resources, unit and team are kept as they are). */
export type ProjectInput = Required<
  Pick<
    Schema<"ProjectRequest">,
    | "community"
    | "name"
    | "goals"
    | "frequency"
    | "start_date"
    | "end_date"
    | "weekdays"
    | "start_time"
    | "end_time"
    | "seats"
    | "required_skills"
    | "resource_kind"
    | "resource_min_capacity"
  >
>;

const key = ["projects"] as const;

export function useProjects(params: ListParams) {
  return useQuery({
    queryKey: [...key, params],
    queryFn: () =>
      unwrap(apiClient.GET("/api/projects/", { params: { query: { ordering: "-start_date", ...params } } })),
    placeholderData: keepPreviousData,
  });
}

export function useSaveProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: ProjectInput }) =>
      unwrap(
        id
          ? apiClient.PATCH("/api/projects/{id}/", { params: { path: { id } }, body })
          : apiClient.POST("/api/projects/", { body }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(apiClient.DELETE("/api/projects/{id}/", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
