// 资源日历: one resource's week — each day's free slots, the published bookings (withdrawn, replacement) and the
// day's withdrawal — for the unit that lends it and the coordinators of its scope. Week by week, or a month at a
// glance (counts per day; a day opens its week).
import { Badge, Calendar, Card, Empty, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorState, Loading } from "@/components/PageState";
import { WeekPicker } from "@/components/WeekCalendar";
import { daysBetween, districtDay, districtToday, formatTime, mondayOf, monthEnd, pickedDay } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import type { Slot } from "../api/resources";
import {
  useResource,
  useResourceWeekBookings,
  useResourceWeekWithdrawals,
  useResourceWeeksBookings,
  useResourceWithdrawalsBetween,
} from "../api/calendar";
import { calendarDays, mondaysOfMonth, weekDays } from "./calendarDays";

const hhmm = (time: string) => time.slice(0, 5);

export function ResourceCalendarPage() {
  const { t } = useI18n();
  const id = Number(useParams().resourceId);
  const [week, setWeek] = useState(() => mondayOf());
  const [mode, setMode] = useState<"week" | "month">("week");
  const resource = useResource(id);
  const bookings = useResourceWeekBookings(id, week);
  const withdrawals = useResourceWeekWithdrawals(id, week);

  if (resource.isLoading) return <Loading />;
  if (resource.isError) return <ErrorState error={resource.error} onRetry={() => resource.refetch()} />;
  const res = resource.data!;
  const failed = bookings.error ?? withdrawals.error;
  const days = weekDays(week, res.slots, bookings.data ?? [], withdrawals.data ?? []);
  const today = districtToday();

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="resource-calendar">
      <Link to="/resources">{t("calendarBack")}</Link>
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("resourceCalendarTitle", { name: res.name })}
        </Typography.Title>
        <Space wrap>
          <Segmented
            value={mode}
            onChange={(value) => setMode(value as "week" | "month")}
            options={[
              { value: "week", label: t("calendarWeekView") },
              { value: "month", label: t("calendarMonthView") },
            ]}
          />
          {mode === "week" && <WeekPicker week={week} onChange={setWeek} />}
        </Space>
      </Space>
      <Space wrap>
        <Tag>{enumLabel(t, "cat", res.category)}</Tag>
        <Typography.Text type="secondary">
          {[res.unit_name, res.community_name, res.address].filter(Boolean).join(" · ")}
        </Typography.Text>
        <Tag color={res.status === "listed" ? "green" : "default"}>{enumLabel(t, "resStatus", res.status)}</Tag>
      </Space>
      <Space wrap size="small">
        <Typography.Text type="secondary">{t("calendarLegend")}</Typography.Text>
        <Tag color="green">{t("calendarFree")}</Tag>
        <Tag color="blue">{t("calendarBooked")}</Tag>
        <Tag color="orange">{t("calendarWithdrawn")}</Tag>
      </Space>
      {mode === "week" && failed && (
        <ErrorState error={failed} onRetry={() => Promise.all([bookings.refetch(), withdrawals.refetch()])} />
      )}
      {res.slots.length === 0 && (
        <Typography.Text type="secondary" data-testid="calendar-no-slots">
          {t("calendarNoSlots")}
        </Typography.Text>
      )}
      {mode === "month" ? (
        <MonthView
          resource={id}
          slots={res.slots}
          onOpenWeek={(day) => {
            setWeek(mondayOf(day));
            setMode("week");
          }}
        />
      ) : (
        <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(160px, 1fr))", gap: 12 }}>
          {days.map((day) => (
            <Card
              key={day.date}
              size="small"
              data-testid={`calendar-day-${day.date}`}
              title={
                <Space size={4}>
                  {enumLabel(t, "weekday", day.weekday)}
                  <Typography.Text type="secondary">{day.date.slice(5)}</Typography.Text>
                  {day.date === today && <Tag color="purple">{t("today")}</Tag>}
                </Space>
              }
              styles={{ body: { minHeight: 96 } }}
            >
              <Space orientation="vertical" size={4} style={{ width: "100%" }}>
                {day.withdrawal && (
                  <Tag color="orange" style={{ whiteSpace: "normal" }}>
                    {t("calendarWithdrawnDay", { reason: day.withdrawal.reason || "—" })}
                  </Tag>
                )}
                {day.slots.map((slot) => (
                  <Tag key={slot.id} color={day.withdrawal ? "default" : "green"}>
                    {`${hhmm(slot.start_time)}–${hhmm(slot.end_time)} ${t("calendarFree")}`}
                  </Tag>
                ))}
                {day.bookings.map((booking) => (
                  <Tag key={booking.id} color={booking.withdrawn ? "red" : "blue"} style={{ whiteSpace: "normal" }}>
                    {`${formatTime(booking.start)}–${formatTime(booking.end)} ${booking.shift_title}`}
                    {booking.withdrawn ? ` · ${t("calendarBookingWithdrawn")}` : ""}
                    {booking.replaces ? ` · ${t("calendarReplacement")}` : ""}
                  </Tag>
                ))}
                {!day.withdrawal && day.slots.length === 0 && day.bookings.length === 0 && (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={t("calendarDayEmpty")}
                    style={{ margin: 0 }}
                  />
                )}
              </Space>
            </Card>
          ))}
        </div>
      )}
    </Space>
  );
}

/** A month at a glance: per day, its free slots, bookings and whether it is withdrawn; a day opens its week. */
function MonthView({
  resource,
  slots,
  onOpenWeek,
}: {
  resource: number;
  slots: Slot[];
  onOpenWeek: (day: string) => void;
}) {
  const { t } = useI18n();
  // The month's first day, YYYY-MM-DD.
  const [first, setFirst] = useState(() => `${districtToday().slice(0, 8)}01`);
  const last = monthEnd(first);
  const bookings = useResourceWeeksBookings(resource, mondaysOfMonth(first));
  const withdrawals = useResourceWithdrawalsBetween(resource, first, last);
  const failed = bookings.error ?? withdrawals.error;
  const days = new Map(
    calendarDays(first, daysBetween(first, last) + 1, slots, bookings.data ?? [], withdrawals.data ?? []).map((day) => [
      day.date,
      day,
    ]),
  );
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="resource-month">
      {failed && <ErrorState error={failed} onRetry={() => Promise.all([bookings.refetch(), withdrawals.refetch()])} />}
      <Calendar
        value={districtDay(first)}
        mode="month"
        onPanelChange={(value) => setFirst(`${pickedDay(value).slice(0, 8)}01`)}
        onSelect={(value, info) => info.source === "date" && onOpenWeek(pickedDay(value))}
        cellRender={(current, info) => {
          if (info.type !== "date") return info.originNode;
          const day = days.get(pickedDay(current));
          if (!day) return null;
          return (
            <Space orientation="vertical" size={0}>
              {day.withdrawal && <Badge color="orange" text={t("calendarWithdrawn")} />}
              {day.slots.length > 0 && !day.withdrawal && (
                <Badge color="green" text={t("calendarFreeCount", { count: day.slots.length })} />
              )}
              {day.bookings.length > 0 && (
                <Badge color="blue" text={t("calendarBookedCount", { count: day.bookings.length })} />
              )}
            </Space>
          );
        }}
      />
    </Space>
  );
}
