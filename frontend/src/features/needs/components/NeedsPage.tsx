// The needs of the coordinator's scope, newest first, with status, urgency and deadline.
import { Tag } from "antd";
import { SimpleList } from "@/components/SimpleList";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useNeeds, type Need } from "../api/needs";

export function NeedsPage() {
  const { t } = useI18n();
  return (
    <SimpleList<Need>
      title={t("menuNeeds")}
      useRows={useNeeds}
      emptyText={t("needsEmpty")}
      columns={[
        { title: t("name"), dataIndex: "title", render: (title, need) => (need.is_micro_wish ? <>{title} <Tag color="pink">微心愿</Tag></> : title) },
        { title: t("source"), dataIndex: "source", render: (v) => enumLabel(t, "needSource", v) },
        { title: t("community"), dataIndex: "community_name" },
        { title: t("urgency"), dataIndex: "urgency" },
        { title: t("deadline"), dataIndex: "deadline" },
        { title: t("status"), dataIndex: "status", render: (v) => <Tag>{enumLabel(t, "needStatus", v)}</Tag> },
      ]}
    />
  );
}
