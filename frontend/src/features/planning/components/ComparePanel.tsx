// This version against the previous one of the same scope and week: figures side by side, rows added and removed.
import { Descriptions, Table, Typography } from "antd";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useCompare } from "../api/review";
import { useRuns } from "../api/runs";
import type { MatchingRun } from "../api/types";

export function ComparePanel({ run }: { run: MatchingRun }) {
  const { t } = useI18n();
  const siblings = useRuns({
    week: run.week,
    level: run.level,
    community: run.community ?? undefined,
    sub_district: run.level === "sub_district" ? (run.sub_district ?? undefined) : undefined,
    status: ["done"],
    page_size: 50,
  });
  const previous = siblings.data?.results
    .filter((other) => other.version < run.version)
    .sort((a, b) => b.version - a.version)[0];
  const compare = useCompare(previous?.id, run.id);

  if (siblings.isLoading || (previous && compare.isLoading)) return <Loading />;
  if (!previous) return <EmptyState text={t("compareEmpty")} />;
  if (compare.isError) return <ErrorState error={compare.error} onRetry={() => compare.refetch()} />;
  const data = compare.data!;
  // [previous, this] in each pair
  const rows = Object.entries(data.metrics).map(([name, [before, now]]) => ({ name, before, now }));
  rows.push({ name: "unfilled_seats", before: data.unfilled_seats[0], now: data.unfilled_seats[1] });
  rows.push({ name: "gap", before: data.gap[0], now: data.gap[1] });
  const show = (v: number | null) => (v == null ? "—" : Number(v).toFixed(2).replace(/\.00$/, ""));
  return (
    <div data-testid="compare-panel">
      <Typography.Paragraph>
        {t("compareWith")}：{t("runVersion", { version: previous.version })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t("compareMetric"), dataIndex: "name", render: (_, row) => enumLabel(t, "metric", row.name) },
          { title: t("runVersion", { version: previous.version }), dataIndex: "before", render: show },
          { title: t("runVersion", { version: run.version }), dataIndex: "now", render: show },
        ]}
      />
      <Descriptions size="small" style={{ marginTop: 16 }} column={2}>
        <Descriptions.Item label={t("compareAdded")}>{data.assignments.added ?? data.added.length}</Descriptions.Item>
        <Descriptions.Item label={t("compareRemoved")}>
          {data.assignments.removed ?? data.removed.length}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
