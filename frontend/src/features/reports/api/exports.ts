// Export jobs (导出): request one, follow it until its file is written or it fails, download it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, unwrap, type Schema } from "@/lib/api";

export type ExportJob = Schema<"ExportJobOutput">;
export type ExportRequest = Schema<"ExportJobInputRequest">;
export type ExportKind = ExportRequest["kind"];

/** ExportJob.Kind (backend/reports/models.py); typed by the request's schema. */
export const EXPORT_KINDS: ExportKind[] = ["service_records", "national_records", "unit_ledgers"];
/** services.KIND_FORMATS (backend/reports/services.py): every kind as CSV or XLSX. */
export const EXPORT_FORMATS: ExportRequest["format"][] = ["csv", "xlsx"];

export const isFinished = (job: Pick<ExportJob, "status">) => job.status === "done" || job.status === "failed";

/** How often a job still being written is asked again (ms). */
export const POLL_MS = 1000;

/** The caller's own jobs, newest first; asked again every second while one is queued or running. */
export function useExportJobs() {
  return useQuery({
    queryKey: ["exports", "list"],
    queryFn: () => unwrap(apiClient.GET("/api/exports/", { params: { query: { page_size: 20 } } })),
    refetchInterval: (query) => (query.state.data?.results.some((job) => !isFinished(job)) ? POLL_MS : false),
  });
}

/** One job, polled until it is done or failed. */
export function useExportJob(id: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["exports", "job", id],
    queryFn: () => unwrap(apiClient.GET("/api/exports/{job_id}/", { params: { path: { job_id: id } } })),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : POLL_MS),
  });
}

export function useCreateExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ExportRequest) => unwrap(apiClient.POST("/api/exports/", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["exports", "list"] }),
  });
}
