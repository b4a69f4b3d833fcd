// A week at a glance: one column a day from Monday, each day's items in time order. Below a laptop's width the
// days stand one under the other. The plan review, the coordinators' shifts and a volunteer's posts share it.
import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Grid, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { addDays, dayOf, daysBetween, districtDay, districtToday, formatDay, formatTime, mondayOf } from "@/lib/format";
import { useI18n } from "@/lib/i18n";

export interface WeekItem {
  key: string | number;
  start: string;
  end: string;
}

/** The items of the week starting on Monday `week`, by the district's day (index 0 = Monday), each day in time
 * order. Items before the week land on Monday and items after it on Sunday, so that nothing disappears. */
export function byWeekday<T extends WeekItem>(items: T[], week: string): T[][] {
  const days: T[][] = Array.from({ length: 7 }, () => []);
  for (const item of items) {
    const day = daysBetween(week, dayOf(item.start));
    days[Math.min(Math.max(day, 0), 6)].push(item);
  }
  days.forEach((list) => list.sort((a, b) => a.start.localeCompare(b.start)));
  return days;
}

export function WeekCalendar<T extends WeekItem>({
  week,
  items,
  title,
  children,
  testId = "week-calendar",
}: {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  items: T[];
  /** The card's title for one item. */
  title: (item: T) => ReactNode;
  /** The card's body under the time (optional). */
  children?: (item: T) => ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const days = byWeekday(items, week);
  const today = districtToday();
  // Seven equal columns from a laptop's width; on a phone or a tablet one day under the other.
  const columns = screens.lg ? "repeat(7, minmax(0, 1fr))" : "minmax(0, 1fr)";
  return (
    <div style={{ display: "grid", gridTemplateColumns: columns, gap: 8 }} data-testid={testId}>
      {days.map((list, index) => {
        const iso = addDays(week, index);
        return (
          <div key={iso} data-testid={`${testId}-${iso}`}>
            <Typography.Text strong type={iso === today ? "success" : undefined}>
              {formatDay(iso, "MM-DD ddd")}
            </Typography.Text>
            {list.length === 0 ? (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("noShiftsThatDay")}
                </Typography.Text>
              </div>
            ) : (
              list.map((item) => (
                <Card
                  key={item.key}
                  size="small"
                  style={{ marginTop: 8 }}
                  title={<span style={{ fontSize: 12 }}>{title(item)}</span>}
                  data-testid={`${testId}-item`}
                >
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {`${formatTime(item.start)}–${formatTime(item.end)}`}
                  </Typography.Text>
                  {children && <div>{children(item)}</div>}
                </Card>
              ))
            )}
          </div>
        );
      })}
    </div>
  );
}

/** Previous week, a week picker and next week; `week` and what `onChange` receives are Mondays (YYYY-MM-DD). */
export function WeekPicker({ week, onChange }: { week: string; onChange: (monday: string) => void }) {
  const { t } = useI18n();
  const move = (days: number) => onChange(addDays(week, days));
  return (
    <Space.Compact>
      <Button icon={<LeftOutlined />} aria-label={t("prevWeek")} onClick={() => move(-7)} />
      <DatePicker
        picker="week"
        allowClear={false}
        value={districtDay(week)}
        onChange={(d) => d && onChange(mondayOf(d))}
        aria-label={t("week")}
      />
      <Button icon={<RightOutlined />} aria-label={t("nextWeek")} onClick={() => move(7)} />
    </Space.Compact>
  );
}
