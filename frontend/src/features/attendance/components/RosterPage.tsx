// 签到名单: a shift's roster for its coordinators. Everyone the published plan expects, with their check-in and
// check-out; each is marked present (times by hand) or absent, or has a forgotten check-out closed, with a reason.
import { Alert, Button, Card, Space, Table, Tag, Typography, message } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { formatDateTime, formatSpan } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useRoster, type RosterEntry } from "../api/attendance";
import { RecordModal, type RecordMode } from "./RecordModal";

const STATE_COLOURS: Record<RosterEntry["state"], string> = {
  expected: "default",
  checked_in: "processing",
  checked_out: "success",
  no_show: "error",
};

export function RosterPage() {
  const { t } = useI18n();
  const { shiftId } = useParams();
  const roster = useRoster(Number(shiftId));
  const [acting, setActing] = useState<{ entry: RosterEntry; mode: RecordMode } | null>(null);
  const [toast, holder] = message.useMessage();
  if (roster.isLoading) return <Loading />;
  if (roster.isError) return <ErrorState error={roster.error} onRetry={() => roster.refetch()} />;
  const r = roster.data!;

  const actions = (entry: RosterEntry) => {
    if (!entry.expected) return null; // only a published assignment can be recorded; the history stays visible
    const act = (mode: RecordMode) => () => setActing({ entry, mode });
    return (
      <Space size="small" wrap>
        {entry.state === "checked_in" && (
          <Button size="small" type="primary" onClick={act("checkout")}>
            {t("rosterCloseCheckOut")}
          </Button>
        )}
        <Button size="small" onClick={act("present")}>
          {t(entry.state === "checked_out" || entry.state === "checked_in" ? "rosterEditTimes" : "rosterMarkPresent")}
        </Button>
        {entry.state !== "no_show" && (
          <Button size="small" danger onClick={act("absent")}>
            {t("rosterMarkAbsent")}
          </Button>
        )}
      </Space>
    );
  };

  const columns: ColumnsType<RosterEntry> = [
    {
      title: t("volunteer"),
      key: "volunteer",
      render: (_, entry) => (
        <Space size={4} wrap>
          <span>{`${entry.volunteer_name} (${entry.volunteer_number})`}</span>
          {!entry.expected && <Tag>{t("rosterNotExpected")}</Tag>}
        </Space>
      ),
    },
    {
      title: t("status"),
      dataIndex: "state",
      width: 130,
      render: (state: RosterEntry["state"]) => (
        <Tag color={STATE_COLOURS[state]}>{enumLabel(t, "rosterState", state)}</Tag>
      ),
    },
    {
      title: t("rosterCheckedIn"),
      key: "in",
      width: 150,
      render: (_, entry) => formatDateTime(entry.attendance?.checked_in_at),
    },
    {
      title: t("rosterCheckedOut"),
      key: "out",
      width: 150,
      render: (_, entry) => formatDateTime(entry.attendance?.checked_out_at),
    },
    {
      title: t("rosterHours"),
      key: "hours",
      width: 100,
      render: (_, entry) => (entry.attendance?.status === "present" ? entry.attendance.hours.toFixed(2) : ""),
    },
    {
      title: t("rosterMethod"),
      key: "method",
      width: 110,
      render: (_, entry) => enumLabel(t, "rosterMethod", entry.attendance?.method || null),
    },
    { title: t("rosterNote"), key: "note", render: (_, entry) => entry.attendance?.note ?? "" },
    { title: t("actions"), key: "actions", width: 230, render: (_, entry) => actions(entry) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      {holder}
      <Link to="/shifts">{t("rosterBack")}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("rosterTitle", { title: r.shift_title })}
      </Typography.Title>
      <Typography.Text type="secondary">{`${r.community_name} · ${formatSpan(r.shift_start, r.shift_end)}`}</Typography.Text>
      <Alert type="info" showIcon title={t("rosterHelp")} />
      <Card size="small">
        <Table<RosterEntry>
          rowKey="volunteer"
          size="small"
          pagination={false}
          scroll={{ x: 960 }}
          dataSource={r.entries}
          columns={columns}
          locale={{ emptyText: <EmptyState text={t("rosterEmpty")} /> }}
        />
      </Card>
      {acting && (
        <RecordModal
          roster={r}
          entry={acting.entry}
          mode={acting.mode}
          onClose={() => setActing(null)}
          onDone={() => {
            toast.success(t("rosterSaved"));
            setActing(null);
          }}
        />
      )}
    </Space>
  );
}
