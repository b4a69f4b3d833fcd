// The coordinator's runs: start one for a week and scope, and the list of earlier runs to open.
import { Card, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { EmptyState, ErrorState } from "@/components/PageState";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useRuns } from "../api/runs";
import { scopeName, type MatchingRun } from "../api/types";
import { RunStartForm } from "./RunStartForm";
import { RunStatusTag } from "./RunStatusTag";

export function RunsPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const runs = useRuns({ page, page_size: 10 });

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("runsTitle")}
      </Typography.Title>
      <Card title={t("startRunTitle")}>
        <RunStartForm />
      </Card>
      {runs.isError ? (
        <ErrorState error={runs.error} onRetry={() => runs.refetch()} />
      ) : (
        <Table<MatchingRun>
          rowKey="id"
          loading={runs.isLoading}
          dataSource={runs.data?.results}
          scroll={{ x: 700 }}
          locale={{ emptyText: <EmptyState text={t("runsEmpty")} /> }}
          pagination={{ current: page, pageSize: 10, total: runs.data?.count, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t("week"), dataIndex: "week" },
            { title: t("scope"), render: (_, run) => scopeName(run, t("district")) },
            { title: "#", dataIndex: "version", render: (v) => t("runVersion", { version: v }) },
            {
              title: t("status"),
              render: (_, run) => (
                <Space size={4}>
                  <RunStatusTag status={run.status} />
                  {run.published && <Tag color="blue">{t("published")}</Tag>}
                </Space>
              ),
            },
            {
              title: t("filledSeats"),
              render: (_, run) =>
                run.metrics.total_seats ? `${run.metrics.filled_seats ?? 0} / ${run.metrics.total_seats}` : "—",
            },
            { title: t("createdAt"), dataIndex: "created_at", render: formatDateTime },
            { title: t("actions"), render: (_, run) => <Link to={`/runs/${run.id}`}>{t("openRun")}</Link> },
          ]}
        />
      )}
    </Space>
  );
}
