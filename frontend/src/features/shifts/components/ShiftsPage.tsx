// The week's shifts, in time order, with seats, priority and the skills they ask for.
import { Button, DatePicker } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { SkillTags } from "@/components/SkillTags";
import { SimpleList, type ListParams } from "@/components/SimpleList";
import { formatSpan, mondayOf, nextMonday } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useShifts, type Shift } from "../api/shifts";
import { ShiftQrModal } from "./ShiftQrModal";

export function ShiftsPage() {
  const { t } = useI18n();
  const [week, setWeek] = useState(nextMonday());
  const [qrFor, setQrFor] = useState<Shift | null>(null);
  return (
    <>
    <SimpleList<Shift>
      key={week}
      title={`${t("menuShifts")} · ${t("weekOf", { date: week })}`}
      useRows={(params: ListParams) => useShifts(week, params)}
      emptyText={t("shiftsEmpty")}
      searchable={false}
      extra={<DatePicker picker="week" allowClear={false} value={dayjs(week)} onChange={(d) => d && setWeek(mondayOf(d))} />}
      columns={[
        { title: t("name"), dataIndex: "title" },
        { title: t("time"), render: (_, s) => formatSpan(s.start, s.end) },
        { title: t("community"), dataIndex: "community_name" },
        { title: t("origin"), dataIndex: "origin", render: (v) => enumLabel(t, "origin", v) },
        { title: t("seats"), dataIndex: "seats" },
        { title: t("priority"), dataIndex: "priority" },
        {
          title: t("skills"),
          dataIndex: "required_skills",
          render: (skills: Record<string, number>) => <SkillTags skills={skills} atLeast />,
        },
        {
          title: t("actions"),
          render: (_, s) => (
            <Button type="link" size="small" onClick={() => setQrFor(s)}>
              {t("qrButton")}
            </Button>
          ),
        },
      ]}
    />
    {qrFor && <ShiftQrModal shift={qrFor} onClose={() => setQrFor(null)} />}
    </>
  );
}
