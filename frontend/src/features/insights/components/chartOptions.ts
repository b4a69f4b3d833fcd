// ECharts options of the trend charts, from the API's figures (pure, so they are tested without a canvas).
import type { Fairness, HoursByCommunity, ResourceUse, WeekRow } from "../api/insights";

type T = (key: string) => string;
const weekLabel = (monday: string) => monday.slice(5);
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Seats filled per week, in percent (a week without seats is a gap). */
export function seatsOption(t: T, weeks: WeekRow[]) {
  return {
    tooltip: { trigger: "axis", valueFormatter: (v: number | null) => (v === null ? "—" : `${v}%`) },
    grid: { left: 44, right: 16, bottom: 30, top: 30 },
    xAxis: { type: "category", data: weeks.map((w) => weekLabel(w.week)) },
    yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    series: [
      {
        name: t("insSeatsRateSeries"),
        type: "line",
        smooth: true,
        connectNulls: false,
        data: weeks.map((w) => pct(w.seats.rate)),
        itemStyle: { color: "#1677ff" },
      },
    ],
  };
}

/** Needs due per week: closed in time, late, still open (stacked). */
export function needsOption(t: T, weeks: WeekRow[]) {
  const series = [
    ["insNeedsInTime", "closed_in_time", "#52c41a"],
    ["insNeedsLate", "closed_late", "#faad14"],
    ["insNeedsOpen", "open", "#bfbfbf"],
  ] as const;
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 40, right: 16, bottom: 30, top: 40 },
    xAxis: { type: "category", data: weeks.map((w) => weekLabel(w.week)) },
    yAxis: { type: "value", minInterval: 1 },
    series: series.map(([label, field, color]) => ({
      name: t(label),
      type: "bar",
      stack: "needs",
      barMaxWidth: 32,
      data: weeks.map((w) => w.needs[field]),
      itemStyle: { color },
    })),
  };
}

/** Approved hours per week, one stacked series per community. */
export function hoursOption(figures: HoursByCommunity) {
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0, type: "scroll" },
    grid: { left: 44, right: 16, bottom: 30, top: 40 },
    xAxis: { type: "category", data: figures.weeks.map(weekLabel) },
    yAxis: { type: "value" },
    series: figures.communities.map((c) => ({ name: c.name, type: "bar", stack: "hours", data: c.hours })),
  };
}

/** Gini per community (lower is fairer), sorted from the least even. */
export function fairnessOption(t: T, figures: Fairness) {
  const rows = [...figures.communities].sort((a, b) => b.gini - a.gini);
  return {
    tooltip: { trigger: "axis" },
    grid: { left: 110, right: 24, bottom: 24, top: 16 },
    xAxis: { type: "value", min: 0, max: 1, name: t("insGini") },
    yAxis: { type: "category", inverse: true, data: rows.map((r) => r.name) },
    series: [
      {
        name: t("insGini"),
        type: "bar",
        barMaxWidth: 32,
        data: rows.map((r) => Math.round(r.gini * 1000) / 1000),
        itemStyle: { color: "#722ed1" },
      },
    ],
  };
}

/** Offered versus booked hours per unit (or per category). */
export function resourceUseOption(t: T, rows: { label: string; offered: number; booked: number }[]) {
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 120, right: 24, bottom: 24, top: 36 },
    xAxis: { type: "value" },
    yAxis: { type: "category", inverse: true, data: rows.map((r) => r.label) },
    series: [
      {
        name: t("insOffered"),
        type: "bar",
        barMaxWidth: 24,
        data: rows.map((r) => r.offered),
        itemStyle: { color: "#91caff" },
      },
      {
        name: t("insBooked"),
        type: "bar",
        barMaxWidth: 24,
        data: rows.map((r) => r.booked),
        itemStyle: { color: "#1677ff" },
      },
    ],
  };
}

export function unitUseRows(figures: ResourceUse, ownRooms: string) {
  return figures.by_unit.map((u) => ({
    label: u.unit === null ? ownRooms : u.unit_name,
    offered: u.offered_hours,
    booked: u.booked_hours,
  }));
}
