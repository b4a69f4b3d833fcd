// 定岗: start a post allocation run for a year and scope, and the list of earlier runs to open.
import { Card, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { EmptyState, ErrorState } from "@/components/PageState";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useAllocationRuns } from "../api/runs";
import { scopeName, type AllocationRun } from "../api/types";
import { AllocationStartForm } from "./AllocationStartForm";
import { AllocationStatusTag } from "./AllocationStatusTag";

export function seatsText(run: AllocationRun) {
  const m = run.stats.metrics;
  return m?.total_seats ? `${m.filled_seats ?? 0} / ${m.total_seats}` : "—";
}

export function AllocationPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const runs = useAllocationRuns(page);
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("allocationTitle")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("allocationIntro")}</Typography.Text>
      <Card title={t("startAllocationTitle")}>
        <AllocationStartForm />
      </Card>
      {runs.isError ? (
        <ErrorState error={runs.error} onRetry={() => runs.refetch()} />
      ) : (
        <Table<AllocationRun>
          rowKey="id"
          loading={runs.isLoading}
          dataSource={runs.data?.results}
          scroll={{ x: 700 }}
          locale={{ emptyText: <EmptyState text={t("allocationEmpty")} /> }}
          pagination={{ current: page, pageSize: 10, total: runs.data?.count, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t("year"), dataIndex: "year" },
            { title: t("scope"), render: (_, run) => scopeName(run) },
            { title: "#", dataIndex: "version", render: (v) => t("runVersion", { version: v }) },
            {
              title: t("status"),
              render: (_, run) => (
                <Space size={4}>
                  <AllocationStatusTag status={run.status} />
                  {run.published && <Tag color="blue">{t("published")}</Tag>}
                </Space>
              ),
            },
            { title: t("filledPostSeats"), render: (_, run) => seatsText(run) },
            { title: t("createdAt"), dataIndex: "created_at", render: formatDateTime },
            { title: t("actions"), render: (_, run) => <Link to={`/allocation/${run.id}`}>{t("openRun")}</Link> },
          ]}
        />
      )}
    </Space>
  );
}
