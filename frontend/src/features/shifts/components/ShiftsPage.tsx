// The week's shifts with seats, priority and the skills they ask for: as a list (paged, in time order) or as a
// week calendar (one column a day). Each shift's QR code for check-in opens from either; the list edits or cancels a
// shift, and next week's shifts are generated from a preview.
import { App, Button, Segmented, Space, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { ErrorState, Loading } from "@/components/PageState";
import { SkillTags } from "@/components/SkillTags";
import { SimpleList } from "@/components/SimpleList";
import { WeekCalendar, WeekPicker } from "@/components/WeekCalendar";
import { formatSpan, nextMonday } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useShifts, useWeekShifts, type Shift } from "../api/shifts";
import { GeneratePreviewModal } from "./GeneratePreviewModal";
import { ShiftCancelModal } from "./ShiftCancelModal";
import { ShiftEditModal } from "./ShiftEditModal";
import { ShiftQrModal } from "./ShiftQrModal";

type View = "list" | "calendar";

function ShiftTitle({ shift }: { shift: Shift }) {
  const { t } = useI18n();
  if (shift.status !== "cancelled") return <>{shift.title}</>;
  return (
    <Space size={4}>
      <Typography.Text delete>{shift.title}</Typography.Text>
      <Tooltip title={t("shiftCancelledBecause", { reason: shift.cancel_reason })}>
        <Tag color="red">{t("shiftCancelled")}</Tag>
      </Tooltip>
    </Space>
  );
}

function ShiftsCalendar({ week, onQr }: { week: string; onQr: (shift: Shift) => void }) {
  const { t } = useI18n();
  const shifts = useWeekShifts(week);
  if (shifts.isLoading) return <Loading />;
  if (shifts.isError) return <ErrorState error={shifts.error} onRetry={() => shifts.refetch()} />;
  const rows = shifts.data ?? [];
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Text type="secondary">
        {rows.length ? t("weekShiftsCount", { count: rows.length }) : t("shiftsEmpty")}
      </Typography.Text>
      <WeekCalendar
        week={week}
        items={rows.map((s) => ({ ...s, key: s.id }))}
        title={(s) => s.title}
        testId="shifts-week"
      >
        {(s) => (
          <Space orientation="vertical" size={2}>
            <Typography.Text style={{ fontSize: 12 }}>{s.community_name}</Typography.Text>
            <Space size={4} wrap>
              <Tag>
                {t("seats")} {s.seats}
              </Tag>
              <Tag color={(s.priority ?? 0) >= 4 ? "red" : undefined}>
                {t("priority")} {s.priority}
              </Tag>
              <Tag>{enumLabel(t, "origin", s.origin)}</Tag>
            </Space>
            <SkillTags skills={s.required_skills ?? {}} atLeast />
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onQr(s)}>
              {t("qrButton")}
            </Button>
          </Space>
        )}
      </WeekCalendar>
    </Space>
  );
}

export function ShiftsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [week, setWeek] = useState(nextMonday());
  const [view, setView] = useState<View>("list");
  const [qrFor, setQrFor] = useState<Shift | null>(null);
  const [editing, setEditing] = useState<Shift | null>(null);
  const [cancelling, setCancelling] = useState<Shift | null>(null);
  const [generating, setGenerating] = useState<string | null>(null);
  const { message } = App.useApp();
  const controls = (
    <Space wrap>
      <Button type="primary" onClick={() => setGenerating(nextMonday())}>
        {t("generateNextWeek")}
      </Button>
      <Segmented
        value={view}
        onChange={(value) => setView(value as View)}
        options={[
          { value: "list", label: t("viewList") },
          { value: "calendar", label: t("viewCalendar") },
        ]}
      />
      <WeekPicker week={week} onChange={setWeek} />
    </Space>
  );
  return (
    <>
      {view === "list" ? (
        <SimpleList<Shift>
          key={week}
          title={`${t("menuShifts")} · ${t("weekOf", { date: week })}`}
          useRows={useShifts}
          filters={{ week }}
          emptyText={t("shiftsEmpty")}
          searchable={false}
          extra={controls}
          columns={[
            { title: t("name"), dataIndex: "title", render: (_, s) => <ShiftTitle shift={s} /> },
            { title: t("time"), render: (_, s) => formatSpan(s.start, s.end) },
            { title: t("community"), dataIndex: "community_name" },
            { title: t("origin"), dataIndex: "origin", render: (_, s) => enumLabel(t, "origin", s.origin) },
            { title: t("seats"), dataIndex: "seats" },
            { title: t("priority"), dataIndex: "priority" },
            {
              title: t("skills"),
              dataIndex: "required_skills",
              render: (skills: Shift["required_skills"]) => <SkillTags skills={skills ?? {}} atLeast />,
            },
            {
              title: t("actions"),
              render: (_, s) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setQrFor(s)}>
                    {t("qrButton")}
                  </Button>
                  <Button type="link" size="small" onClick={() => void navigate(`/shifts/${s.id}/roster`)}>
                    {t("shiftRoster")}
                  </Button>
                  {s.status !== "cancelled" && (
                    <>
                      <Button type="link" size="small" onClick={() => setEditing(s)}>
                        {t("edit")}
                      </Button>
                      <Button type="link" size="small" danger onClick={() => setCancelling(s)}>
                        {t("shiftCancel")}
                      </Button>
                    </>
                  )}
                </Space>
              ),
            },
          ]}
        />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {`${t("menuShifts")} · ${t("weekOf", { date: week })}`}
            </Typography.Title>
            {controls}
          </Space>
          <ShiftsCalendar week={week} onQr={setQrFor} />
        </Space>
      )}
      {qrFor && <ShiftQrModal shift={qrFor} onClose={() => setQrFor(null)} />}
      {editing && (
        <ShiftEditModal
          shift={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            void message.success(t("shiftSaved"));
          }}
        />
      )}
      {cancelling && (
        <ShiftCancelModal
          shift={cancelling}
          onClose={() => setCancelling(null)}
          onDone={() => {
            setCancelling(null);
            void message.success(t("shiftCancelDone"));
          }}
        />
      )}
      {generating && (
        <GeneratePreviewModal
          week={generating}
          onClose={() => setGenerating(null)}
          onDone={(created) => {
            setWeek(generating);
            setGenerating(null);
            void message.success(t("generateDone", { count: created }));
          }}
        />
      )}
    </>
  );
}
