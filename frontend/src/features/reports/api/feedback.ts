// Quarterly feedback reports to employer units (单位反馈报告): the scoped list and a coordinator's write request.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "@/lib/api";

/** FeedbackReportOutputSerializer (backend/reports/apis.py). */
export interface FeedbackReport {
  id: number;
  unit: number;
  unit_name: string;
  year: number;
  quarter: number;
  member_count: number;
  minutes: number;
  hours: number;
  generated_at: string;
  pdf_url: string;
  xlsx_url: string;
}

/** FeedbackWriteResult. */
export interface FeedbackWriteResult {
  year: number;
  quarter: number;
  units: number;
}

export function useFeedbackReports(params: { page: number; page_size: number }) {
  return useQuery({
    queryKey: ["feedback-reports", params],
    queryFn: () => api<Page<FeedbackReport>>("feedback-reports/", { params }),
    placeholderData: keepPreviousData,
  });
}

export function useWriteFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; quarter: number }) =>
      api<FeedbackWriteResult>("feedback-reports/write/", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["feedback-reports"] }),
  });
}

/** The first day of a quarter, YYYY-MM-DD. */
export const quarterStart = (year: number, quarter: number) => `${year}-${String((quarter - 1) * 3 + 1).padStart(2, "0")}-01`;
