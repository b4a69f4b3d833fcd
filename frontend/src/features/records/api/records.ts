// Service records (服务记录): the scoped list, the volunteer's summary, manual entries (补录) and their review.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type ServiceRecord = Schema<"RecordOutput">;
/** POST records/ (RecordManualInput); a volunteer files their own, so `volunteer` is left out. */
export type ManualEntry = Omit<Schema<"RecordManualInputRequest">, "volunteer">;

export function useRecords(params: ListParams) {
  return useQuery({
    queryKey: ["records", "list", params],
    // The list's filters are the page's own choice (status, source); the server checks their values.
    queryFn: () => unwrap(apiClient.GET("/api/records/", { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useRecordSummary() {
  return useQuery({
    queryKey: ["records", "summary"],
    queryFn: () => unwrap(apiClient.GET("/api/records/mine/summary/")),
  });
}

export function useCreateRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ManualEntry) => unwrap(apiClient.POST("/api/records/", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["records"] }),
  });
}

/** Approve or reject a pending manual entry; a rejection needs a note (the server checks again). */
export function useReviewRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: number; action: "approve" | "reject"; note: string }) => {
      const init = { params: { path: { record_id: id } }, body: { note } };
      return unwrap(
        action === "approve"
          ? apiClient.POST("/api/records/{record_id}/approve/", init)
          : apiClient.POST("/api/records/{record_id}/reject/", init),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["records"] }),
  });
}

/** Every record in a date range (the unit representative's view of its consenting in-office members). */
export function useRecordsInRange(range: { date_from: string; date_to: string }) {
  return useQuery({
    queryKey: ["records", "range", range],
    queryFn: () =>
      allPages((page) => unwrap(apiClient.GET("/api/records/", { params: { query: { ...range, ...page } } })), 5000),
    placeholderData: keepPreviousData,
  });
}

export type PointsRule = Schema<"PointsRule">;
export type PointsRuleInput = Schema<"PointsRuleInputRequest">;
export type PointsKind = Schema<"PointsKindEnum">;
export type PointsLine = Schema<"PointsLine">;
/** The kinds in the order the summary and the table show them. */
export const POINTS_KINDS: PointsKind[] = ["shift_hour", "post_held", "micro_wish", "need_closed_in_time", "no_show"];

/** The district's points table (党员积分): each kind's rules by the day they took effect (coordinators read it). */
export function usePointsRules() {
  return useQuery({
    queryKey: ["records", "points-rules"],
    queryFn: () => unwrap(apiClient.GET("/api/records/points-rules/")),
  });
}

/** Set rules from a day on (the district's administrators; 403 for others); records before keep their points. */
export function useSetPointsRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: PointsRuleInput[]) => unwrap(apiClient.PUT("/api/records/points-rules/", { body: { rules } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["records"] }),
  });
}
