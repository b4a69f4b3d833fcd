// The plan as a week: one column a day, each shift with the people on it (the table's companion).
import { Tag } from "antd";
import { ErrorState, Loading } from "@/components/PageState";
import { WeekCalendar, type WeekItem } from "@/components/WeekCalendar";
import { useAllAssignments } from "../api/review";
import type { Assignment, MatchingRun } from "../api/types";

interface ShiftGroup extends WeekItem {
  title: string;
  people: Assignment[];
}

/** The plan's rows as one item per shift, with the people on it. */
export function groupByShift(rows: Assignment[]): ShiftGroup[] {
  const byShift = new Map<number, ShiftGroup>();
  for (const row of rows) {
    let group = byShift.get(row.shift);
    if (!group) {
      group = { key: row.shift, title: row.shift_title, start: row.shift_start, end: row.shift_end, people: [] };
      byShift.set(row.shift, group);
    }
    group.people.push(row);
  }
  return [...byShift.values()];
}

export function PlanWeekView({ run }: { run: MatchingRun }) {
  const rows = useAllAssignments(run.id);
  if (rows.isLoading) return <Loading />;
  if (rows.isError) return <ErrorState error={rows.error} onRetry={() => rows.refetch()} />;
  return (
    <WeekCalendar week={run.week} items={groupByShift(rows.data ?? [])} title={(g) => g.title} testId="plan-week">
      {(g) =>
        g.people.map((p) => (
          <Tag
            key={p.id}
            color={p.pinned ? "gold" : p.source === "manual" ? "purple" : undefined}
            style={{ marginTop: 4 }}
          >
            {p.volunteer_name}
          </Tag>
        ))
      }
    </WeekCalendar>
  );
}
