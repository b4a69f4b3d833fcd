// 缺勤名单: the week's no-shows in the coordinator's scope, one card per community: volunteers the published plan
// expected who did not come (marked by the nightly task or on a roster), each with a link to the shift's roster.
import { Card, DatePicker, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { districtDay, formatSpan, mondayOf } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useNoShows, type AttendanceRow } from "../api/attendance";

/** The rows by community, communities by name, each community's rows as the server ordered them (by shift start). */
function byCommunity(rows: AttendanceRow[]): { community: number; name: string; rows: AttendanceRow[] }[] {
  const groups = new Map<number, { community: number; name: string; rows: AttendanceRow[] }>();
  for (const row of rows) {
    const group = groups.get(row.community) ?? { community: row.community, name: row.community_name, rows: [] };
    group.rows.push(row);
    groups.set(row.community, group);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, "zh"));
}

export function NoShowsPage() {
  const { t } = useI18n();
  const [week, setWeek] = useState(() => mondayOf());
  const noShows = useNoShows(week);

  const columns = [
    {
      title: t("noShowsShift"),
      key: "shift",
      render: (_: unknown, row: AttendanceRow) => `${row.shift_title} · ${formatSpan(row.shift_start, row.shift_end)}`,
    },
    {
      title: t("volunteer"),
      key: "volunteer",
      render: (_: unknown, row: AttendanceRow) => `${row.volunteer_name} (${row.volunteer_number})`,
    },
    {
      title: t("noShowsBy"),
      key: "by",
      width: 140,
      render: (_: unknown, row: AttendanceRow) => row.recorded_by ?? t("noShowsBy_system"),
    },
    { title: t("rosterNote"), dataIndex: "note" },
    {
      title: t("actions"),
      key: "actions",
      width: 100,
      render: (_: unknown, row: AttendanceRow) => (
        <Link to={`/shifts/${row.shift}/roster`}>{t("noShowsOpenRoster")}</Link>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("noShowsTitle")}
        </Typography.Title>
        <DatePicker
          picker="week"
          allowClear={false}
          value={districtDay(week)}
          onChange={(day) => day && setWeek(mondayOf(day))}
          aria-label={t("week")}
        />
      </Space>
      <Typography.Text type="secondary">{t("noShowsHelp")}</Typography.Text>
      {noShows.isLoading ? (
        <Loading />
      ) : noShows.isError ? (
        <ErrorState error={noShows.error} onRetry={() => noShows.refetch()} />
      ) : noShows.data!.length === 0 ? (
        <EmptyState text={t("noShowsEmpty")} />
      ) : (
        byCommunity(noShows.data!).map((group) => (
          <Card
            key={group.community}
            size="small"
            title={group.name}
            extra={<Tag color="error">{t("noShowsCount", { count: group.rows.length })}</Tag>}
            data-testid="no-shows-community"
          >
            <Table<AttendanceRow>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 720 }}
              dataSource={group.rows}
              columns={columns}
            />
          </Card>
        ))
      )}
    </Space>
  );
}
