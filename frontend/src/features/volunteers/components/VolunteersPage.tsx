// Volunteers: search by name or number; kind, community, skills and weekly hours.
import { Select, Space } from "antd";
import { useState } from "react";
import { SkillTags } from "@/components/SkillTags";
import { SimpleList } from "@/components/SimpleList";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useSkillOptions, useVolunteers, type Volunteer } from "../api/volunteers";

const KINDS = ["in_office", "non_post", "retired", "resident"];

export function VolunteersPage() {
  const { t, lang } = useI18n();
  const skills = useSkillOptions();
  const [filters, setFilters] = useState<{ kind?: string; skill?: string; available_on?: number }>({});
  const set = (name: keyof typeof filters) => (value: string | number | undefined) => setFilters({ ...filters, [name]: value });
  return (
    <SimpleList<Volunteer>
      key={JSON.stringify(filters)}
      title={t("menuVolunteers")}
      useRows={useVolunteers}
      filters={filters}
      emptyText={t("volunteersEmpty")}
      extra={
        <Space wrap>
          <Select allowClear placeholder={t("kind")} style={{ width: 130 }} value={filters.kind} onChange={set("kind")}
            options={KINDS.map((k) => ({ value: k, label: enumLabel(t, "volKind", k) }))} />
          <Select allowClear placeholder={t("skills")} style={{ width: 140 }} value={filters.skill} onChange={set("skill")}
            showSearch={{ optionFilterProp: "label" }} loading={skills.isLoading}
            options={(skills.data?.results ?? []).map((s) => ({ value: s.code, label: lang === "en" ? s.name_en || s.code : s.name }))} />
          <Select allowClear placeholder={t("availableOn")} style={{ width: 120 }} value={filters.available_on} onChange={set("available_on")}
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: enumLabel(t, "weekday", d) }))} />
        </Space>
      }
      columns={[
        { title: t("volunteerNumber"), dataIndex: "number" },
        { title: t("name"), dataIndex: "name" },
        { title: t("kind"), dataIndex: "kind", render: (v) => enumLabel(t, "volKind", v) },
        { title: t("community"), dataIndex: "home_community_name" },
        { title: t("phone"), dataIndex: "phone_display" },
        {
          title: t("skills"),
          dataIndex: "skills",
          render: (skills: Record<string, number>) => <SkillTags skills={skills} />,
        },
        { title: t("maxHours"), dataIndex: "max_hours_per_week" },
      ]}
    />
  );
}
