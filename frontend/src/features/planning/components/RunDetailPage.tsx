// One run: live progress while it works; then the review (plan, unfilled seats, comparison, charts),
// re-run and publish. Editing is offered only while the run is done and its week not published.
import { Alert, App, Button, Card, Popconfirm, Space, Tabs, Tag, Typography } from "antd";
import { useNavigate, useParams } from "react-router";
import { ErrorState, Loading } from "@/components/PageState";
import { ApiError } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { usePublishRun, useRun, useStartRun } from "../api/runs";
import { isActive, runScope, scopeName } from "../api/types";
import { AssignmentsTable } from "./AssignmentsTable";
import { ComparePanel } from "./ComparePanel";
import { LazyRunCharts as RunCharts } from "./LazyRunCharts";
import { PlanWeekView } from "./PlanWeekView";
import { RunProgress } from "./RunProgress";
import { RunStatusTag } from "./RunStatusTag";
import { RunSummary } from "./RunSummary";
import { UnfilledPanel } from "./UnfilledPanel";

export function RunDetailPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().runId);
  const query = useRun(id);
  const publish = usePublishRun(id);
  const rerun = useStartRun();

  if (query.isLoading) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const run = query.data!;
  const done = run.status === "done";
  const editable = done && !run.published;

  const onPublish = () =>
    publish.mutate(undefined, {
      onSuccess: () => message.success(t("publishedOk")),
      onError: (e) =>
        modal.error({ title: t("conflictTitle"), content: e instanceof ApiError ? e.message : String(e) }),
    });
  const onRerun = () =>
    rerun.mutate(
      { week: run.week, ...runScope(run) },
      {
        onSuccess: (next) => navigate(`/runs/${next.id}`),
        onError: (e) => modal.error({ title: t("refused"), content: e instanceof ApiError ? e.message : String(e) }),
      },
    );

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Space wrap align="center" style={{ justifyContent: "space-between", width: "100%" }}>
        <Space wrap align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {scopeName(run, t("district"))} · {t("weekOf", { date: run.week })}
          </Typography.Title>
          <Tag>{t("runVersion", { version: run.version })}</Tag>
          <RunStatusTag status={run.status} />
          {run.published && (
            <Tag color="blue" data-testid="published-tag">
              {t("published")} · {t("publishedAt", { time: formatDateTime(run.published_at) })}
            </Tag>
          )}
        </Space>
        {!isActive(run.status) && (
          <Space wrap>
            <Button onClick={onRerun} loading={rerun.isPending}>
              {t("rerun")}
            </Button>
            {editable && (
              <Popconfirm title={t("publishConfirm")} onConfirm={onPublish} okText={t("confirm")} cancelText={t("cancel")}>
                <Button type="primary" loading={publish.isPending}>
                  {t("publish")}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Space>

      {isActive(run.status) && <RunProgress run={run} />}
      {run.status === "failed" && <Alert type="error" showIcon title={t("runFailed")} description={run.message} />}
      {run.status === "cancelled" && <Alert type="warning" showIcon title={t("runCancelled")} />}

      {done && (
        <>
          <Card>
            <RunSummary run={run} />
            {run.message && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {run.message}
              </Typography.Paragraph>
            )}
            {run.published && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t("readOnlyPublished")}
              </Typography.Paragraph>
            )}
          </Card>
          <Tabs
            items={[
              { key: "assignments", label: t("tabAssignments"), children: <AssignmentsTable run={run} editable={editable} /> },
              { key: "week", label: t("tabWeek"), children: <PlanWeekView run={run} /> },
              { key: "unfilled", label: t("tabUnfilled"), children: <UnfilledPanel run={run} editable={editable} /> },
              { key: "compare", label: t("tabCompare"), children: <ComparePanel run={run} /> },
              { key: "charts", label: t("tabCharts"), children: <RunCharts run={run} /> },
            ]}
          />
        </>
      )}
    </Space>
  );
}
