// Volunteers: search by name or number; kind, community, skills and weekly hours; a volunteer's profile and
// record open in a drawer.
import { Button, Select, Space } from "antd";
import { useState } from "react";
import { SkillTags } from "@/components/SkillTags";
import { SimpleList } from "@/components/SimpleList";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useCommunityOptions, useSkillOptions, useVolunteers, type Volunteer } from "../api/volunteers";
import { VolunteerDrawer } from "./VolunteerDrawer";

const KINDS = ["in_office", "non_post", "retired", "resident"];

export function VolunteersPage() {
  const { t, lang } = useI18n();
  const skills = useSkillOptions();
  const communities = useCommunityOptions();
  const [filters, setFilters] = useState<{ kind?: string; skill?: string; available_on?: number; community?: number }>({});
  const set = (name: keyof typeof filters) => (value: string | number | undefined) => setFilters({ ...filters, [name]: value });
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
    <SimpleList<Volunteer>
      key={JSON.stringify(filters)}
      title={t("menuVolunteers")}
      useRows={useVolunteers}
      filters={filters}
      emptyText={t("volunteersEmpty")}
      extra={
        <Space wrap>
          {(communities.data?.length ?? 0) > 1 && (
            <Select allowClear placeholder={t("community")} style={{ width: 150 }} value={filters.community} onChange={set("community")}
              showSearch={{ optionFilterProp: "label" }} options={communities.data!.map((c) => ({ value: c.id, label: c.name }))} />
          )}
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
        {
          title: t("name"),
          dataIndex: "name",
          render: (name: string, row) => (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(row.id)}>
              {name}
            </Button>
          ),
        },
        { title: t("kind"), dataIndex: "kind", render: (v) => enumLabel(t, "volKind", v) },
        { title: t("community"), dataIndex: "home_community_name" },
        { title: t("phone"), dataIndex: "phone_display" },
        {
          title: t("skills"),
          dataIndex: "skills",
          render: (skills: Record<string, number>) => <SkillTags skills={skills} />,
        },
        { title: t("maxHours"), dataIndex: "max_hours_per_week" },
        {
          title: t("actions"),
          render: (_, row) => (
            <Button size="small" onClick={() => setOpen(row.id)}>
              {t("volunteerOpen")}
            </Button>
          ),
        },
      ]}
    />
    {open !== null && <VolunteerDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}
