// Shifts of one week in the caller's scope: the list and calendar, the week's generation with its preview, and one
// shift's edit and cancellation.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type Shift = Schema<"Shift">;
export type ShiftInput = Schema<"PatchedShiftRequest">;
export type GeneratePreview = Schema<"ShiftGeneratePreview">;
export type PlannedShift = Schema<"ShiftPlanned">;

const shiftsKey = ["shifts"] as const;

/** A page of the shifts in time order; the list gives the week among its filters (`week`, a Monday). */
export function useShifts(params: ListParams) {
  return useQuery({
    queryKey: [...shiftsKey, params.week, params],
    queryFn: () => unwrap(apiClient.GET("/api/shifts/", { params: { query: { ...params, ordering: "start" } } })),
    placeholderData: keepPreviousData,
  });
}

/** Every shift of the week in the caller's scope, for the calendar (in pages of the API's largest size). */
export function useWeekShifts(week: string) {
  return useQuery({
    queryKey: [...shiftsKey, week, "all"],
    queryFn: () =>
      allPages((page) =>
        unwrap(apiClient.GET("/api/shifts/", { params: { query: { ...page, week, ordering: "start" } } })),
      ),
  });
}

/** What generating the week would add, shift by shift, and what is already there (nothing is written). */
export function useGeneratePreview(week: string) {
  return useQuery({
    queryKey: ["shift-generation", week],
    queryFn: () => unwrap(apiClient.GET("/api/shifts/generate-preview/", { params: { query: { week } } })),
    staleTime: 0,
  });
}

/** Add the week's shifts (idempotent: what is already there is not added again). */
export function useGenerateWeek() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (week: string) => unwrap(apiClient.POST("/api/shifts/generate/", { body: { week } })),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: shiftsKey }),
        client.invalidateQueries({ queryKey: ["shift-generation"] }),
      ]),
  });
}

export function useSaveShift() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ShiftInput }) =>
      unwrap(apiClient.PATCH("/api/shifts/{id}/", { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: shiftsKey }),
  });
}

/** Cancel a shift with a reason; the volunteers of its published plan are told by the server. */
export function useCancelShift() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      unwrap(apiClient.POST("/api/shifts/{id}/cancel/", { params: { path: { id } }, body: { reason } })),
    onSuccess: () => client.invalidateQueries({ queryKey: shiftsKey }),
  });
}
