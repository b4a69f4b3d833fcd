// One post allocation run: followed live while it is queued or solving (polled every second); then the review
// (proposals: pin, remove, add by hand; unfilled posts), re-run and publish. Editing is offered only while the
// run is done and its year not published for the scope; a refused publication (409) shows the server's reason.
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Spin, Tabs, Tag, Typography } from "antd";
import { useNavigate, useParams } from "react-router";
import { ErrorState, Loading } from "@/components/PageState";
import { ApiError } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useAllocationRun, useCancelAllocation, usePublishAllocation, useRerunAllocation } from "../api/runs";
import { isActive, scopeName, type AllocationRun } from "../api/types";
import { seatsText } from "./AllocationPage";
import { AllocationStatusTag } from "./AllocationStatusTag";
import { ProposalsTable } from "./ProposalsTable";
import { UnfilledPostsPanel } from "./UnfilledPostsPanel";

function Progress({ run }: { run: AllocationRun }) {
  const { t } = useI18n();
  const cancel = useCancelAllocation(run.id);
  return (
    <Card title={t("allocationProgressTitle")} data-testid="allocation-progress">
      <Space orientation="vertical">
        <Space>
          <Spin size="small" />
          <Typography.Text>{t("allocationProgressText", { scope: scopeName(run), year: run.year })}</Typography.Text>
          <AllocationStatusTag status={run.status} />
        </Space>
        <Button danger onClick={() => cancel.mutate()} loading={cancel.isPending}>
          {t("cancelRun")}
        </Button>
      </Space>
    </Card>
  );
}

function Summary({ run }: { run: AllocationRun }) {
  const { t } = useI18n();
  const gap = run.stats.gap;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} data-testid="allocation-summary">
      <Descriptions.Item label={t("filledPostSeats")}>{seatsText(run)}</Descriptions.Item>
      <Descriptions.Item label={t("gap")}>{typeof gap === "number" ? `${(gap * 100).toFixed(1)}%` : "—"}</Descriptions.Item>
      <Descriptions.Item label={t("solveSeconds")}>{run.stats.seconds ?? "—"}</Descriptions.Item>
      <Descriptions.Item label={t("createdAt")}>{formatDateTime(run.created_at)}</Descriptions.Item>
    </Descriptions>
  );
}

export function AllocationRunPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().runId);
  const query = useAllocationRun(id);
  const publish = usePublishAllocation(id);
  const rerun = useRerunAllocation(id);

  if (query.isLoading) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const run = query.data!;
  const done = run.status === "done";
  const editable = done && !run.published;
  const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

  const onPublish = () =>
    publish.mutate(undefined, {
      onSuccess: () => message.success(t("allocationPublishedOk")),
      onError: (e) => modal.error({ title: t("conflictTitle"), content: errorText(e) }),
    });
  const onRerun = () =>
    rerun.mutate(undefined, {
      onSuccess: (next) => navigate(`/allocation/${next.id}`),
      onError: (e) => modal.error({ title: t("refused"), content: errorText(e) }),
    });

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Space wrap align="center" style={{ justifyContent: "space-between", width: "100%" }}>
        <Space wrap align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("allocationRunTitle", { scope: scopeName(run), year: run.year })}
          </Typography.Title>
          <Tag>{t("runVersion", { version: run.version })}</Tag>
          <AllocationStatusTag status={run.status} />
          {run.published && (
            <Tag color="blue" data-testid="allocation-published">
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
              <Popconfirm title={t("allocationPublishConfirm")} onConfirm={onPublish} okText={t("confirm")} cancelText={t("cancel")}>
                <Button type="primary" loading={publish.isPending}>
                  {t("publish")}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Space>

      {isActive(run.status) && <Progress run={run} />}
      {run.status === "failed" && <Alert type="error" showIcon title={t("runFailed")} description={run.message} />}
      {run.status === "cancelled" && <Alert type="warning" showIcon title={t("runCancelled")} />}

      {done && (
        <>
          <Card>
            <Summary run={run} />
            {run.message && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {run.message}
              </Typography.Paragraph>
            )}
            {run.published && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t("allocationReadOnly")}
              </Typography.Paragraph>
            )}
          </Card>
          <Tabs
            items={[
              { key: "proposals", label: t("tabProposals"), children: <ProposalsTable run={run} editable={editable} /> },
              { key: "unfilled", label: t("tabUnfilledPosts"), children: <UnfilledPostsPanel run={run} editable={editable} /> },
            ]}
          />
        </>
      )}
    </Space>
  );
}
