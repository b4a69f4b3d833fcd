// Export jobs (导出): request one, follow it until its file is written or it fails, download it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "@/lib/api";

export type ExportKind = "service_records" | "national_records" | "unit_ledgers";
export type ExportFormat = "csv" | "xlsx";
export type ExportStatus = "queued" | "running" | "done" | "failed";

export const EXPORT_KINDS: ExportKind[] = ["service_records", "national_records", "unit_ledgers"];
/** services.KIND_FORMATS (backend/reports/services.py): every kind as CSV or XLSX. */
export const EXPORT_FORMATS: ExportFormat[] = ["csv", "xlsx"];

/** ExportJobOutputSerializer (backend/reports/apis.py). */
export interface ExportJob {
  id: number;
  kind: ExportKind;
  format: ExportFormat;
  parameters: Record<string, string | number>;
  status: ExportStatus;
  progress: number;
  rows_done: number;
  rows_total: number;
  error: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  expires_at: string | null;
  download_url: string | null;
}

/** ExportJobInput. */
export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  date_from?: string;
  date_to?: string;
}

export const isFinished = (job: Pick<ExportJob, "status">) => job.status === "done" || job.status === "failed";

/** How often a job still being written is asked again (ms). */
export const POLL_MS = 1000;

/** The caller's own jobs, newest first; asked again every second while one is queued or running. */
export function useExportJobs() {
  return useQuery({
    queryKey: ["exports", "list"],
    queryFn: () => api<Page<ExportJob>>("exports/", { params: { page_size: 20 } }),
    refetchInterval: (query) => (query.state.data?.results.some((job) => !isFinished(job)) ? POLL_MS : false),
  });
}

/** One job, polled until it is done or failed. */
export function useExportJob(id: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["exports", "job", id],
    queryFn: () => api<ExportJob>(`exports/${id}/`),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : POLL_MS),
  });
}

export function useCreateExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: ExportRequest) => api<ExportJob>("exports/", { method: "POST", body: request }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["exports", "list"] }),
  });
}
