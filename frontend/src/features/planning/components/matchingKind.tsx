// Matching runs as the shared run pages (components/runs) take them: the plan's assignments (shift, time,
// community), put by hand on a shift of the run's week, and the unfilled seats with their reasons, suggestions and
// the week's recruitment list.
import { Card, List, Space, Tag, Typography } from "antd";
import { runKind } from "@/components/runs/kind";
import { formatSpan } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useWeekShifts } from "../api/lookups";
import { matchingRuns, runPath } from "../api/runs";
import { runScope, type MatchingRun, type UnfilledSeat } from "../api/types";

function useShiftOptions(run: MatchingRun) {
  const shifts = useWeekShifts(run.week, runScope(run));
  const options = (shifts.data ?? []).map((s) => ({
    value: s.id,
    label: `${s.title} ${formatSpan(s.start, s.end)} · ${s.community_name}`,
  }));
  return { loading: shifts.isLoading, options };
}

function UnfilledSeatItem({ item: seat }: { item: UnfilledSeat }) {
  const { t } = useI18n();
  return (
    <List.Item.Meta
      title={
        <Space wrap>
          <span>{seat.shift_title}</span>
          <Tag color="red">{t("missing", { count: seat.missing })}</Tag>
          <Tag>
            {t("priority")} {seat.shift_priority}
          </Tag>
        </Space>
      }
      description={
        <Space orientation="vertical" size={2}>
          <span>
            {formatSpan(seat.shift_start, seat.shift_end)} · {seat.community_name}
          </span>
          {seat.reasons.map((reason, i) => (
            <span key={i}>
              <Tag color="orange">{enumLabel(t, "reason", reason.code)}</Tag>
              {reason.message}
            </span>
          ))}
          {seat.suggestion && (
            <Typography.Text type="success">
              {t("suggestion")}：{seat.suggestion}
            </Typography.Text>
          )}
        </Space>
      }
    />
  );
}

function Recruitment({ run }: { run: MatchingRun }) {
  const { t } = useI18n();
  const recruitment = run.metrics.recruitment ?? [];
  return (
    <Card size="small" title={t("recruitment")}>
      {recruitment.length === 0 ? (
        <Typography.Text type="secondary">{t("recruitmentEmpty")}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={recruitment.slice(0, 10)}
          renderItem={(item) => (
            <List.Item>
              <Space>
                <Tag color="blue">×{item.count}</Tag>
                {item.what}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export const matchingKind = runKind({
  api: matchingRuns,
  path: runPath,
  words: {
    title: "runsTitle",
    startTitle: "startRunTitle",
    runsEmpty: "runsEmpty",
    publishConfirm: "publishConfirm",
    publishedOk: "publishedOk",
    readOnly: "readOnlyPublished",
    rowsEmpty: "assignmentsEmpty",
    unfilledEmpty: "unfilledEmpty",
    addTitle: "addTitle",
    targetRequired: "shiftRequired",
  },
  testIds: { published: "published-tag", unfilled: "unfilled-panel", add: "add-assignment" },
  period: (t) => ({ title: t("week"), dataIndex: "week" }),
  filled: (t) => ({
    title: t("filledSeats"),
    render: (_, run) =>
      run.metrics.total_seats ? `${run.metrics.filled_seats ?? 0} / ${run.metrics.total_seats}` : "—",
  }),
  columns: (t) => [
    { title: t("shift"), dataIndex: "shift_title" },
    { title: t("time"), render: (_, row) => formatSpan(row.shift_start, row.shift_end) },
    { title: t("community"), dataIndex: "community_name" },
  ],
  removeConfirm: (t, row) => t("removeConfirm", { name: row.volunteer_name }),
  target: {
    name: "shift",
    useOptions: useShiftOptions,
    of: (seat) => seat.shift,
    body: (shift, volunteer) => ({ shift, volunteer }),
  },
  Unfilled: UnfilledSeatItem,
  unfilledPageSize: 10,
  UnfilledFooter: Recruitment,
});
