// The unit's bookings (预订): a week's published bookings of its resources, by day and time, with the
// withdrawn and replacement flags; withdraw a resource for a day (撤回某日) from a row or the button, and take
// a withdrawal back from a withdrawn row or from the upcoming withdrawals (撤回记录, of the chosen resource).
import { App, Button, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { EmptyState, ErrorState } from "@/components/PageState";
import { WeekPicker } from "@/components/WeekCalendar";
import { addDays, districtToday, formatDay, formatSpan, mondayOf } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useBookings, type Booking } from "../api/lending";
import { useResources } from "../api/resources";
import { useTakeBack, WithdrawalsCard } from "./WithdrawalsCard";
import { WithdrawModal } from "./WithdrawModal";

export function BookingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [week, setWeek] = useState(() => mondayOf());
  const [page, setPage] = useState(1);
  const [resource, setResource] = useState<number | undefined>();
  const [day, setDay] = useState<string | undefined>();
  const resources = useResources({ page: 1, page_size: 100 });
  const [withdrawing, setWithdrawing] = useState<{ resource?: { id: number; name: string }; date?: string } | null>(
    null,
  );
  const rows = useBookings({ week, resource, date: day, page, page_size: 50 });
  const { takeBack, pending } = useTakeBack();
  const today = districtToday();

  const goWeek = (monday: string) => {
    setWeek(monday);
    setDay(undefined);
    setPage(1);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("bookingsTitle")}
        </Typography.Title>
        <Space wrap>
          <WeekPicker week={week} onChange={goWeek} />
          <Button type="primary" danger onClick={() => setWithdrawing({})}>
            {t("withdrawDay")}
          </Button>
        </Space>
      </Space>
      <Space wrap>
        <Typography.Text type="secondary">{t("weekOf", { date: week })}</Typography.Text>
        <Select
          allowClear
          placeholder={t("allResources")}
          aria-label={t("resource")}
          style={{ minWidth: 180 }}
          value={resource}
          onChange={(value) => {
            setResource(value);
            setPage(1);
          }}
          options={(resources.data?.results ?? []).map((r) => ({ value: r.id, label: r.name }))}
        />
        <Select
          allowClear
          placeholder={t("allDays")}
          aria-label={t("withdrawDate")}
          style={{ minWidth: 140 }}
          value={day}
          onChange={(value) => {
            setDay(value);
            setPage(1);
          }}
          options={[0, 1, 2, 3, 4, 5, 6].map((n) => {
            const date = addDays(week, n);
            return { value: date, label: `${enumLabel(t, "weekday", n + 1)} ${formatDay(date, "MM-DD")}` };
          })}
        />
      </Space>
      <WithdrawalsCard key={resource ?? "all"} resource={resource} />
      {rows.isError ? (
        <ErrorState error={rows.error} onRetry={() => rows.refetch()} />
      ) : (
        <Table<Booking>
          rowKey="id"
          size="small"
          loading={rows.isLoading}
          dataSource={rows.data?.results}
          scroll={{ x: 860 }}
          data-testid="bookings-table"
          locale={{ emptyText: <EmptyState text={t("bookingsEmpty")} /> }}
          pagination={{
            current: page,
            pageSize: 50,
            total: rows.data?.count,
            showSizeChanger: false,
            showTotal: (count) => t("total", { count }),
            onChange: setPage,
          }}
          columns={[
            { title: t("time"), render: (_, b) => formatSpan(b.start, b.end) },
            { title: t("resource"), dataIndex: "resource_name" },
            { title: t("shift"), dataIndex: "shift_title" },
            { title: t("community"), dataIndex: "community_name" },
            { title: t("place"), dataIndex: "address", render: (v: string) => v || "—" },
            {
              title: t("status"),
              render: (_, b) => (
                <Space size={4} wrap>
                  {b.withdrawn ? (
                    <Tag color="red">{t("bookingWithdrawn")}</Tag>
                  ) : (
                    <Tag color="green">{t("bookingBooked")}</Tag>
                  )}
                  {b.replaces !== null && <Tag color="blue">{t("bookingReplaces")}</Tag>}
                </Space>
              ),
            },
            {
              title: t("actions"),
              render: (_, b) =>
                b.date < today ? null : b.withdrawn ? (
                  <Button
                    type="link"
                    size="small"
                    loading={pending(b.resource, b.date)}
                    onClick={() => takeBack(b.resource, b.date)}
                  >
                    {t("takeBack")}
                  </Button>
                ) : (
                  <Button
                    type="link"
                    danger
                    size="small"
                    onClick={() =>
                      setWithdrawing({ resource: { id: b.resource, name: b.resource_name }, date: b.date })
                    }
                  >
                    {t("withdrawDay")}
                  </Button>
                ),
            },
          ]}
        />
      )}
      {withdrawing && (
        <WithdrawModal
          resource={withdrawing.resource}
          initialDate={withdrawing.date}
          onClose={() => setWithdrawing(null)}
          onDone={() => {
            setWithdrawing(null);
            message.success(t("withdrawOkMessage"));
          }}
        />
      )}
    </Space>
  );
}
