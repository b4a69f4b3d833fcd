// 成员服务记录: a unit representative's view of the service of the unit's in-office members who agreed to share it
// (the server returns only theirs): totals per member and the records, in a date range (this year by default).
import { Card, DatePicker, Space, Statistic, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { EmptyState, ErrorState } from "@/components/PageState";
import { districtDay, districtToday, pickedDay } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useRecordsInRange, type ServiceRecord } from "../api/records";
import { memberTotals, type MemberTotal } from "./memberTotals";

export function UnitRecordsPage() {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [
    districtDay(`${districtToday().slice(0, 4)}-01-01`),
    districtDay(districtToday()),
  ]);
  const params = { date_from: pickedDay(range[0]), date_to: pickedDay(range[1]) };
  const records = useRecordsInRange(params);
  const rows = records.data ?? [];
  const totals = memberTotals(rows);
  const hours = Math.round(totals.reduce((sum, m) => sum + m.hours, 0) * 10) / 10;
  const empty = <EmptyState text={t("unitRecordsEmpty")} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="unit-records">
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("unitRecordsTitle")}
        </Typography.Title>
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          aria-label={t("unitRecordsRange")}
        />
      </Space>
      <Typography.Text type="secondary">{t("unitRecordsHelp")}</Typography.Text>
      {records.isError ? (
        <ErrorState error={records.error} onRetry={() => records.refetch()} />
      ) : (
        <>
          <Space size="large" wrap>
            <Statistic title={t("unitRecordsMembers")} value={totals.length} loading={records.isLoading} />
            <Statistic title={t("unitRecordsHours")} value={hours} suffix={t("hours")} loading={records.isLoading} />
          </Space>
          <Card size="small" title={t("unitRecordsByMember")}>
            <Table<MemberTotal>
              size="small"
              rowKey="volunteer"
              loading={records.isLoading}
              dataSource={totals}
              pagination={false}
              locale={{ emptyText: empty }}
              scroll={{ x: 480 }}
              columns={[
                { title: t("volunteerNumber"), dataIndex: "number" },
                { title: t("name"), dataIndex: "name" },
                { title: t("unitRecordsApprovedHours"), dataIndex: "hours" },
                { title: t("unitRecordsCount"), dataIndex: "records" },
                { title: t("volunteerPendingRecords"), dataIndex: "pending" },
              ]}
            />
          </Card>
          <Card size="small" title={t("unitRecordsList")}>
            <Table<ServiceRecord>
              size="small"
              rowKey="id"
              loading={records.isLoading}
              dataSource={rows}
              scroll={{ x: 720 }}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => t("total", { count }) }}
              locale={{ emptyText: empty }}
              columns={[
                { title: t("date"), dataIndex: "date" },
                { title: t("name"), dataIndex: "volunteer_name" },
                { title: t("recordTitle"), dataIndex: "title" },
                { title: t("community"), dataIndex: "community_name" },
                { title: t("hours"), dataIndex: "hours" },
                {
                  title: t("status"),
                  dataIndex: "status",
                  render: (s: string) => <Tag>{enumLabel(t, "recordStatus", s)}</Tag>,
                },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
