// Import runs (导入) of volunteers, units and resources: download a kind's template; upload a sheet, which the server
// checks at once (the preview: rows to create, to update, unchanged, bad); map its columns by hand if the suggestion
// is wrong (checked again); confirm, or cancel; follow the worker writing it; download the report of the bad rows.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, asUpload, buildUrl, toFormData, unwrap, type Schema } from "@/lib/api";

export type ImportRun = Schema<"ImportRunOutput">;
export type ImportKind = Schema<"ImportRunKindEnum">;
export type ImportStatus = Schema<"ImportRunOutputStatusEnum">;

/** What an import run takes, in the order the page offers them. */
export const IMPORT_KINDS: ImportKind[] = ["volunteers", "units", "resources"];
/** The kinds whose new rows are people with accounts, each sent an invitation after the rows are in. */
export const invitesAccounts = (kind: ImportKind) => kind === "volunteers";
/** A run a worker is still to write or writing: its page polls it. */
export const isWriting = (status: ImportStatus | undefined) => status === "queued" || status === "importing";
/** A done run whose new accounts are still being sent their invitations (a task of its own, after the rows). */
export const isInviting = (run: ImportRun | undefined) =>
  run?.status === "done" && invitesAccounts(run.kind) && run.invited < run.created;
const POLL_MS = 1500;
const INVITE_POLL_MS = 3000;

export function useImportRuns() {
  return useQuery({
    queryKey: ["imports"],
    queryFn: () => unwrap(apiClient.GET("/api/imports/")),
    placeholderData: keepPreviousData,
  });
}

export function useImportRun(id: number) {
  return useQuery({
    queryKey: ["imports", id],
    queryFn: () => unwrap(apiClient.GET("/api/imports/{id}/", { params: { path: { id } } })),
    refetchInterval: (query) =>
      isWriting(query.state.data?.status) ? POLL_MS : isInviting(query.state.data) ? INVITE_POLL_MS : false,
  });
}

function useRunWrite<V>(send: (value: V) => Promise<ImportRun>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (run) => {
      client.setQueryData(["imports", run.id], run);
      return client.invalidateQueries({ queryKey: ["imports"], exact: true });
    },
  });
}

/** Upload a sheet: the answer is the checked run with its preview (nothing is written yet). */
export function useUploadImport() {
  return useRunWrite(({ file, kind }: { file: Blob; kind: ImportKind }) =>
    unwrap(apiClient.POST("/api/imports/", { body: { file: asUpload(file), kind }, bodySerializer: toFormData })),
  );
}

/** Read the sheet's columns as mapped here and check every row again (a checked run only). */
export function useMapImport(id: number) {
  return useRunWrite((mapping: Record<string, number>) =>
    unwrap(apiClient.POST("/api/imports/{id}/mapping/", { params: { path: { id } }, body: { mapping } })),
  );
}

/** Confirm: a worker writes the good rows (the run comes back queued). */
export function useConfirmImport(id: number) {
  return useRunWrite(() => unwrap(apiClient.POST("/api/imports/{id}/confirm/", { params: { path: { id } } })));
}

/** Cancel a checked run: nothing is written and the upload is deleted (the run comes back cancelled). */
export function useCancelImport(id: number) {
  return useRunWrite(() => unwrap(apiClient.POST("/api/imports/{id}/cancel/", { params: { path: { id } } })));
}

/** A kind's XLSX template (the sheet to fill in, a guide with an example per column, the code lists), in the language
 * shown (the django_language cookie, lib/api.ts), as a plain link. */
export const importTemplateUrl = (kind: ImportKind) => buildUrl("/api/imports/template/", { kind });

/** The bad rows with their reasons, as a file (a plain link: the browser downloads it with the session). */
export const importReportUrl = (id: number, format: "csv" | "xlsx") =>
  buildUrl(`/api/imports/${id}/report/`, { format });
