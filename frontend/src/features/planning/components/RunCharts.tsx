// The week in charts, from one run: seats filled by shift priority, unfilled seats by reason, hours per volunteer.
// The first and last come from the run's own metrics (by_priority, hours_histogram) when it has them; runs saved
// before those figures existed are summed here from the week's shifts and the plan's assignments instead.
import { Card, Col, Row } from "antd";
import ReactECharts from "echarts-for-react";
import { useMemo } from "react";
import { ErrorState, Loading } from "@/components/PageState";
import { hoursBetween } from "@/lib/format";
import { enumLabel, useI18n, type Translate } from "@/lib/i18n";
import { useWeekShifts } from "../api/lookups";
import { useAllAssignments, useUnfilled } from "../api/review";
import { runScope, type Assignment, type MatchingRun, type ShiftRow, type UnfilledSeat } from "../api/types";

/** Seats and filled seats per priority (5 first): filled = seats − missing. */
export function seatsByPriority(
  shifts: Pick<ShiftRow, "id" | "priority" | "seats">[],
  unfilled: Pick<UnfilledSeat, "shift" | "missing">[],
) {
  const missing = new Map<number, number>();
  for (const seat of unfilled) missing.set(seat.shift, (missing.get(seat.shift) ?? 0) + seat.missing);
  const byPriority = new Map<number, { filled: number; unfilled: number }>();
  for (const { id, seats, priority = 3 } of shifts) {
    const row = byPriority.get(priority) ?? { filled: 0, unfilled: 0 };
    const gap = Math.min(missing.get(id) ?? 0, seats);
    row.filled += seats - gap;
    row.unfilled += gap;
    byPriority.set(priority, row);
  }
  return [...byPriority.entries()].sort((a, b) => b[0] - a[0]).map(([priority, counts]) => ({ priority, ...counts }));
}

/** The run's by_priority metric as chart rows (5 first). */
export function priorityFromMetrics(byPriority: Record<string, { seats: number; filled: number }>) {
  return Object.entries(byPriority)
    .map(([priority, row]) => ({
      priority: Number(priority),
      filled: row.filled,
      unfilled: Math.max(row.seats - row.filled, 0),
    }))
    .sort((a, b) => b.priority - a.priority);
}

/** The run's hours_histogram metric (people by whole hours) as chart rows, in hour order. */
export function hoursFromMetrics(histogram: Record<string, number>) {
  return Object.entries(histogram)
    .map(([hour, people]) => ({ hour: Number(hour), people }))
    .sort((a, b) => a.hour - b.hour)
    .map(({ hour, people }) => ({ label: `${hour}–${hour + 1}`, people }));
}

/** Missing seats per first-named reason. */
export function unfilledByReason(unfilled: Pick<UnfilledSeat, "missing" | "reasons">[]) {
  const counts = new Map<string, number>();
  for (const seat of unfilled) {
    const code = seat.reasons[0]?.code ?? "unknown";
    counts.set(code, (counts.get(code) ?? 0) + seat.missing);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** How many volunteers have 0–2, 2–4, … hours in the plan. */
export function hoursHistogram(assignments: Pick<Assignment, "volunteer" | "shift_start" | "shift_end">[], step = 2) {
  const hours = new Map<number, number>();
  for (const a of assignments)
    hours.set(a.volunteer, (hours.get(a.volunteer) ?? 0) + hoursBetween(a.shift_start, a.shift_end));
  const buckets = new Map<number, number>();
  for (const h of hours.values()) {
    const bucket = Math.floor(h / step) * step;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
  }
  return [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([from, people]) => ({ label: `${from}–${from + step}`, people }));
}

function priorityOption(t: Translate, rows: ReturnType<typeof seatsByPriority>) {
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0, data: [t("filled"), t("unfilled")] },
    grid: { left: 44, right: 16, bottom: 30, top: 56 },
    xAxis: { type: "category", data: rows.map((r) => `${t("priority")} ${r.priority}`) },
    yAxis: { type: "value", name: t("seats") },
    series: [
      {
        name: t("filled"),
        type: "bar",
        stack: "seats",
        data: rows.map((r) => r.filled),
        itemStyle: { color: "#52c41a" },
      },
      {
        name: t("unfilled"),
        type: "bar",
        stack: "seats",
        data: rows.map((r) => r.unfilled),
        itemStyle: { color: "#ff4d4f" },
      },
    ],
  };
}

function reasonOption(t: Translate, rows: [string, number][]) {
  return {
    tooltip: { trigger: "item" },
    legend: { bottom: 0, type: "scroll" },
    series: [
      {
        type: "pie",
        radius: ["35%", "62%"],
        center: ["50%", "44%"],
        label: { formatter: "{c}" },
        data: rows.map(([code, value]) => ({ name: enumLabel(t, "reason", code), value })),
      },
    ],
  };
}

function hoursOption(t: Translate, rows: ReturnType<typeof hoursHistogram>) {
  return {
    tooltip: { trigger: "axis" },
    grid: { left: 40, right: 16, bottom: 40, top: 30 },
    xAxis: { type: "category", name: t("hours"), nameLocation: "middle", nameGap: 26, data: rows.map((r) => r.label) },
    yAxis: { type: "value", name: t("people"), minInterval: 1 },
    series: [{ type: "bar", data: rows.map((r) => r.people), itemStyle: { color: "#1677ff" } }],
  };
}

export function RunCharts({ run }: { run: MatchingRun }) {
  const { t } = useI18n();
  const byPriority = run.metrics?.by_priority;
  const histogram = run.metrics?.hours_histogram;
  const shifts = useWeekShifts(run.week, runScope(run), !byPriority);
  const unfilled = useUnfilled(run.id);
  const assignments = useAllAssignments(run.id, !histogram);
  const charts = useMemo(() => {
    if (!unfilled.data) return null;
    const priorityRows = byPriority
      ? priorityFromMetrics(byPriority)
      : shifts.data && seatsByPriority(shifts.data, unfilled.data);
    const hourRows = histogram ? hoursFromMetrics(histogram) : assignments.data && hoursHistogram(assignments.data);
    if (!priorityRows || !hourRows) return null;
    return {
      priority: priorityOption(t, priorityRows),
      reason: reasonOption(t, unfilledByReason(unfilled.data)),
      hours: hoursOption(t, hourRows),
    };
  }, [byPriority, histogram, shifts.data, unfilled.data, assignments.data, t]);

  const failed = shifts.error ?? unfilled.error ?? assignments.error;
  if (failed) return <ErrorState error={failed} />;
  if (!charts) return <Loading />;
  const style = { height: 280, width: "100%" };
  return (
    <Row gutter={[16, 16]} data-testid="run-charts">
      <Col xs={24} lg={8}>
        <Card size="small" title={t("chartFilledByPriority")}>
          <ReactECharts option={charts.priority} style={style} notMerge />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t("chartUnfilledByReason")}>
          <ReactECharts option={charts.reason} style={style} notMerge />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t("chartHoursSpread")}>
          <ReactECharts option={charts.hours} style={style} notMerge />
        </Card>
      </Col>
    </Row>
  );
}
