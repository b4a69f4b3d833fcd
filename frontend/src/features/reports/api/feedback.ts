// Quarterly feedback reports to employer units (单位反馈报告): the scoped list and a coordinator's write request.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, unwrap, type Schema } from "@/lib/api";

export type FeedbackReport = Schema<"FeedbackReportOutput">;
export type FeedbackWriteResult = Schema<"FeedbackWriteResult">;

export function useFeedbackReports(params: { page: number; page_size: number }) {
  return useQuery({
    queryKey: ["feedback-reports", params],
    queryFn: () => unwrap(apiClient.GET("/api/feedback-reports/", { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useWriteFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<"FeedbackWriteInputRequest">) =>
      unwrap(apiClient.POST("/api/feedback-reports/write/", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["feedback-reports"] }),
  });
}

/** The first day of a quarter, YYYY-MM-DD. */
export const quarterStart = (year: number, quarter: number) =>
  `${year}-${String((quarter - 1) * 3 + 1).padStart(2, "0")}-01`;
