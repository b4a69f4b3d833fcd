// The caller's exports, newest first: each one still being written is asked again every second and shows its
// progress; a finished one offers its file, a failed one its error.
import { Alert, Button, Progress, Space, Table, Tag, Typography } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { EmptyState, ErrorState } from "@/components/PageState";
import { formatDateTime } from "@/lib/format";
import { isFinished, useExportJob, useExportJobs, type ExportJob } from "../api/exports";
import { enumLabel, useI18n } from "@/lib/i18n";

// Keyed by the schema's status (documented as a plain string for now): a status without a colour gets the default.
const STATUS_COLORS: Partial<Record<ExportJob["status"], string>> = {
  queued: "default",
  running: "processing",
  done: "success",
  failed: "error",
};

/** One job's state; polls the job itself until it is done or failed. */
export function ExportJobState({ job: listed }: { job: ExportJob }) {
  const { t } = useI18n();
  const polled = useExportJob(listed.id, !isFinished(listed));
  // The list is polled too while a job runs: whichever answer saw the job finished is the one to show.
  const job = isFinished(listed) ? listed : (polled.data ?? listed);
  return (
    <Space
      orientation="vertical"
      size={4}
      style={{ width: "100%", minWidth: 200 }}
      data-testid={`export-job-${job.id}`}
    >
      <Space wrap>
        <Tag color={STATUS_COLORS[job.status]}>{enumLabel(t, "exportStatus", job.status)}</Tag>
        {job.rows_total > 0 && (
          <Typography.Text type="secondary">
            {t("exportRows", { done: job.rows_done, total: job.rows_total })}
          </Typography.Text>
        )}
      </Space>
      {job.status !== "failed" && (
        <Progress
          percent={job.progress}
          size="small"
          status={job.status === "done" ? "success" : "active"}
          aria-label={enumLabel(t, "exportStatus", job.status)}
        />
      )}
      {job.status === "failed" && <Alert type="error" showIcon title={t("exportFailed", { error: job.error })} />}
      {job.status === "done" && job.download_url && (
        <Space wrap>
          <Button type="primary" size="small" icon={<DownloadOutlined />} href={job.download_url}>
            {t("exportDownload")}
          </Button>
          {job.expires_at && (
            <Typography.Text type="secondary">
              {t("exportExpires", { date: formatDateTime(job.expires_at) })}
            </Typography.Text>
          )}
        </Space>
      )}
    </Space>
  );
}

export function ExportJobList({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const jobs = useExportJobs();
  if (jobs.isError) return <ErrorState error={jobs.error} onRetry={() => jobs.refetch()} />;
  return (
    <Table<ExportJob>
      rowKey="id"
      size="small"
      loading={jobs.isLoading}
      dataSource={jobs.data?.results}
      pagination={false}
      scroll={{ x: compact ? undefined : 640 }}
      locale={{ emptyText: <EmptyState text={t("exportJobsEmpty")} /> }}
      columns={[
        {
          title: t("exportKind"),
          key: "kind",
          render: (_v, job) => (
            <Space orientation="vertical" size={0}>
              <span>{enumLabel(t, "exportKind", job.kind)}</span>
              <Typography.Text type="secondary">
                {job.format.toUpperCase()}
                {job.parameters.date_from || job.parameters.date_to
                  ? ` · ${job.parameters.date_from ?? "…"} – ${job.parameters.date_to ?? "…"}`
                  : ""}
              </Typography.Text>
            </Space>
          ),
        },
        ...(compact
          ? []
          : [
              {
                title: t("exportCreated"),
                key: "created",
                render: (_v: unknown, job: ExportJob) => formatDateTime(job.created_at),
              },
            ]),
        { title: t("exportState"), key: "state", render: (_v, job) => <ExportJobState job={job} /> },
      ]}
    />
  );
}
