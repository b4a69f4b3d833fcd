// The plan as a week: one column a day, each shift with the people on it (the table's companion).
import { Card, Col, Empty, Row, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { ErrorState, Loading } from "@/components/PageState";
import { useI18n } from "@/lib/i18n";
import { useAllAssignments } from "../api/review";
import type { Assignment, MatchingRun } from "../api/types";

interface ShiftGroup {
  shift: number;
  title: string;
  start: string;
  end: string;
  people: Assignment[];
}

export function groupByDay(rows: Assignment[], week: string): ShiftGroup[][] {
  const days: ShiftGroup[][] = Array.from({ length: 7 }, () => []);
  const byShift = new Map<number, ShiftGroup>();
  for (const row of rows) {
    let group = byShift.get(row.shift);
    if (!group) {
      group = { shift: row.shift, title: row.shift_title, start: row.shift_start, end: row.shift_end, people: [] };
      byShift.set(row.shift, group);
      const day = dayjs(row.shift_start).diff(dayjs(week), "day");
      days[Math.min(Math.max(day, 0), 6)].push(group);
    }
    group.people.push(row);
  }
  days.forEach((list) => list.sort((a, b) => a.start.localeCompare(b.start)));
  return days;
}

export function PlanWeekView({ run }: { run: MatchingRun }) {
  const { t } = useI18n();
  const rows = useAllAssignments(run.id);
  if (rows.isLoading) return <Loading />;
  if (rows.isError) return <ErrorState error={rows.error} onRetry={() => rows.refetch()} />;
  const days = groupByDay(rows.data ?? [], run.week);
  return (
    <Row gutter={[8, 8]} wrap data-testid="plan-week">
      {days.map((groups, i) => (
        <Col key={i} flex="1 1 150px" style={{ minWidth: 150 }}>
          <Typography.Text strong>{dayjs(run.week).add(i, "day").format("MM-DD ddd")}</Typography.Text>
          {groups.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("noShiftsThatDay")} />
          ) : (
            groups.map((g) => (
              <Card key={g.shift} size="small" style={{ marginTop: 8 }} title={<span style={{ fontSize: 12 }}>{g.title}</span>}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(g.start).format("HH:mm")}–{dayjs(g.end).format("HH:mm")}
                </Typography.Text>
                <div>
                  {g.people.map((p) => (
                    <Tag key={p.id} color={p.pinned ? "gold" : p.source === "manual" ? "purple" : undefined} style={{ marginTop: 4 }}>
                      {p.volunteer_name}
                    </Tag>
                  ))}
                </div>
              </Card>
            ))
          )}
        </Col>
      ))}
    </Row>
  );
}
