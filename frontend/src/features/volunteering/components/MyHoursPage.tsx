// My attendance and the hours served (an internal ledger, not a certificate). The app puts other features'
// sections around it: the service record summary above (`summary`), the service records below (`records`).
import type { ReactNode } from "react";
import { Card, List, Space, Statistic, Typography } from "antd";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { formatSpan } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useMyAttendance } from "../api/myPosts";

export function MyHoursPage({ summary, records }: { summary?: ReactNode; records?: ReactNode } = {}) {
  const { t } = useI18n();
  const rows = useMyAttendance();
  if (rows.isLoading) return <Loading />;
  if (rows.isError) return <ErrorState error={rows.error} onRetry={() => rows.refetch()} />;
  const list = rows.data ?? [];
  const total = list.reduce((sum, row) => sum + (row.hours ?? 0), 0);
  return (
    <Space orientation="vertical" style={{ width: "100%", maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("hoursTitle")}
      </Typography.Title>
      {summary}
      <Card size="small" title={t("attendanceTitle")}>
        <Statistic title={t("hours")} value={total.toFixed(1)} />
      </Card>
      {list.length === 0 ? (
        <EmptyState text={t("hoursEmpty")} />
      ) : (
        <List
          dataSource={list}
          renderItem={(row) => (
            <List.Item extra={`${row.hours.toFixed(1)} h`}>
              <List.Item.Meta
                title={row.shift_title}
                description={`${formatSpan(row.shift_start, row.shift_end)} · ${row.community_name}`}
              />
            </List.Item>
          )}
        />
      )}
      {records}
    </Space>
  );
}
