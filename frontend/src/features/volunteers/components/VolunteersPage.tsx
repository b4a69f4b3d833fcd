// Volunteers: search by name or number; kind, community, skills and weekly hours.
import { Tag } from "antd";
import { SimpleList } from "@/components/SimpleList";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useVolunteers, type Volunteer } from "../api/volunteers";

export function VolunteersPage() {
  const { t } = useI18n();
  return (
    <SimpleList<Volunteer>
      title={t("menuVolunteers")}
      useRows={useVolunteers}
      emptyText={t("volunteersEmpty")}
      columns={[
        { title: t("volunteerNumber"), dataIndex: "number" },
        { title: t("name"), dataIndex: "name" },
        { title: t("kind"), dataIndex: "kind", render: (v) => enumLabel(t, "volKind", v) },
        { title: t("community"), dataIndex: "home_community_name" },
        { title: t("phone"), dataIndex: "phone_display" },
        {
          title: t("skills"),
          dataIndex: "skills",
          render: (skills: Record<string, number>) => Object.entries(skills).map(([k, v]) => <Tag key={k}>{`${k} ${v}`}</Tag>),
        },
        { title: t("maxHours"), dataIndex: "max_hours_per_week" },
      ]}
    />
  );
}
