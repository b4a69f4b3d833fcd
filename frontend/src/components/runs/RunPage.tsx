// One run of any kind: followed live while it works (polled every second), then its review: the figures and the
// kind's tabs (the rows under review, what is unfilled, …), re-run and publish. Editing is offered only while the
// run is done and not published; a refused publication (409) or re-run shows the server's reason.
import { Alert, App, Button, Card, Popconfirm, Space, Tabs, Tag, Typography, type TabsProps } from "antd";
import type { ReactNode } from "react";
import { useNavigate, useParams } from "react-router";
import { ErrorState, Loading } from "@/components/PageState";
import { ApiError } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import type { RowShape, RunShape, UnfilledShape } from "./api";
import type { RunKind } from "./kind";
import { RunStatusTag } from "./RunStatusTag";

interface Props<Run extends RunShape, Row extends RowShape, Item extends UnfilledShape, AddBody> {
  kind: RunKind<Run, Row, Item, AddBody>;
  title: (run: Run) => ReactNode;
  progress: (run: Run) => ReactNode;
  summary: (run: Run) => ReactNode;
  tabs: (run: Run, editable: boolean) => TabsProps["items"];
}

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

export function RunPage<Run extends RunShape, Row extends RowShape, Item extends UnfilledShape, AddBody>(
  props: Props<Run, Row, Item, AddBody>,
) {
  const { kind, title, progress, summary, tabs } = props;
  const { api, words } = kind;
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().runId);
  const query = api.useRun(id);
  const publish = api.usePublish(id);
  const rerun = api.useRerun();

  if (query.isLoading) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const run = query.data!;
  const active = api.isActive(run.status);
  const done = run.status === "done";
  const editable = done && !run.published;

  const onPublish = () =>
    publish.mutate(undefined, {
      onSuccess: () => void message.success(t(words.publishedOk)),
      onError: (e) => void modal.error({ title: t("conflictTitle"), content: errorText(e) }),
    });
  const onRerun = () =>
    rerun.mutate(run, {
      onSuccess: (next) => void navigate(kind.path(next.id)),
      onError: (e) => void modal.error({ title: t("refused"), content: errorText(e) }),
    });

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Space wrap align="center" style={{ justifyContent: "space-between", width: "100%" }}>
        <Space wrap align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title(run)}
          </Typography.Title>
          <Tag>{t("runVersion", { version: run.version })}</Tag>
          <RunStatusTag status={run.status} />
          {run.published && (
            <Tag color="blue" data-testid={kind.testIds.published}>
              {t("published")} · {t("publishedAt", { time: formatDateTime(run.published_at) })}
            </Tag>
          )}
        </Space>
        {!active && (
          <Space wrap>
            <Button onClick={onRerun} loading={rerun.isPending}>
              {t("rerun")}
            </Button>
            {editable && (
              <Popconfirm
                title={t(words.publishConfirm)}
                onConfirm={onPublish}
                okText={t("confirm")}
                cancelText={t("cancel")}
              >
                <Button type="primary" loading={publish.isPending}>
                  {t("publish")}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Space>

      {active && progress(run)}
      {run.status === "failed" && <Alert type="error" showIcon title={t("runFailed")} description={run.message} />}
      {run.status === "cancelled" && <Alert type="warning" showIcon title={t("runCancelled")} />}

      {done && (
        <>
          <Card>
            {summary(run)}
            {run.message && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {run.message}
              </Typography.Paragraph>
            )}
            {run.published && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t(words.readOnly)}
              </Typography.Paragraph>
            )}
          </Card>
          <Tabs items={tabs(run, editable)} />
        </>
      )}
    </Space>
  );
}
