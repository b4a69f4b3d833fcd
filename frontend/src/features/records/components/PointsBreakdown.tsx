// How the year's points were earned: one line per kind of the district's table (hours served, posts held, wishes,
// needs finished in time, no-shows deducted), the units counted and the points after the yearly caps.
import { Table } from "antd";
import { enumLabel, useI18n } from "@/lib/i18n";
import type { PointsLine } from "../api/records";

export function PointsBreakdown({ lines }: { lines: PointsLine[] }) {
  const { t } = useI18n();
  return (
    <Table<PointsLine>
      size="small"
      pagination={false}
      rowKey="kind"
      dataSource={lines}
      data-testid="points-breakdown"
      columns={[
        { title: t("pointsKind"), dataIndex: "kind", render: (kind: string) => enumLabel(t, "pointsKind", kind) },
        { title: t("pointsUnits"), dataIndex: "units", align: "right" },
        { title: t("pointsEarned"), dataIndex: "points", align: "right" },
      ]}
    />
  );
}
