// The page of a kind of run: start one (the kind's start form), and the earlier runs to open (newest first, ten a
// page), with the kind's words and the columns that differ (the period planned, what was filled).
import { Card, Space, Table, Tag, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { EmptyState, ErrorState } from "@/components/PageState";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import type { RowShape, RunShape, UnfilledShape } from "./api";
import type { RunKind } from "./kind";
import { RunStatusTag } from "./RunStatusTag";
import { scopeName } from "./scope";

interface Props<Run extends RunShape, Row extends RowShape, Item extends UnfilledShape, AddBody> {
  kind: RunKind<Run, Row, Item, AddBody>;
  startForm: ReactNode;
}

export function RunListPage<Run extends RunShape, Row extends RowShape, Item extends UnfilledShape, AddBody>(
  props: Props<Run, Row, Item, AddBody>,
) {
  const { kind, startForm } = props;
  const { title, intro, startTitle, runsEmpty } = kind.words;
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const runs = kind.api.useRuns({ page, page_size: 10 });
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t(title)}
      </Typography.Title>
      {intro && <Typography.Text type="secondary">{t(intro)}</Typography.Text>}
      <Card title={t(startTitle)}>{startForm}</Card>
      {runs.isError ? (
        <ErrorState error={runs.error} onRetry={() => runs.refetch()} />
      ) : (
        <Table<Run>
          rowKey="id"
          loading={runs.isLoading}
          dataSource={runs.data?.results}
          scroll={{ x: 700 }}
          locale={{ emptyText: <EmptyState text={t(runsEmpty)} /> }}
          pagination={{
            current: page,
            pageSize: 10,
            total: runs.data?.count,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            kind.period(t),
            { title: t("scope"), render: (_, run) => scopeName(run, t("district")) },
            { title: "#", dataIndex: "version", render: (_, run) => t("runVersion", { version: run.version }) },
            {
              title: t("status"),
              render: (_, run) => (
                <Space size={4}>
                  <RunStatusTag status={run.status} />
                  {run.published && <Tag color="blue">{t("published")}</Tag>}
                </Space>
              ),
            },
            kind.filled(t),
            { title: t("createdAt"), dataIndex: "created_at", render: formatDateTime },
            { title: t("actions"), render: (_, run) => <Link to={kind.path(run.id)}>{t("openRun")}</Link> },
          ]}
        />
      )}
    </Space>
  );
}
