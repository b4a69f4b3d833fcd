// The needs of the coordinator's scope (点单 review): filter by status, move a need on to its next status.
import { App, Button, Dropdown, Select, Tag } from "antd";
import { DownOutlined } from "@ant-design/icons";
import { useState } from "react";
import { SimpleList } from "@/components/SimpleList";
import { ApiError } from "@/lib/api";
import { enumLabel, useI18n } from "@/lib/i18n";
import { NEXT_STATUS, useNeedTransition, useNeeds, type Need } from "../api/needs";

export function NeedsPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const transition = useNeedTransition();
  const move = (need: Need, next: string) =>
    transition.mutate(
      { id: need.id, status: next },
      {
        onSuccess: () => message.success(`${need.title} → ${enumLabel(t, "needStatus", next)}`),
        onError: (e) => modal.error({ title: t("refused"), content: e instanceof ApiError ? e.message : String(e) }),
      },
    );
  return (
    <SimpleList<Need>
      key={status ?? "all"}
      title={t("menuNeeds")}
      useRows={useNeeds}
      filters={{ status }}
      emptyText={t("needsEmpty")}
      extra={
        <Select allowClear placeholder={t("status")} style={{ width: 130 }} value={status} onChange={setStatus}
          options={Object.keys(NEXT_STATUS).map((s) => ({ value: s, label: enumLabel(t, "needStatus", s) }))} />
      }
      columns={[
        { title: t("name"), dataIndex: "title", render: (title, need) => (need.is_micro_wish ? <>{title} <Tag color="pink">{t("microWish")}</Tag></> : title) },
        { title: t("source"), dataIndex: "source", render: (v) => enumLabel(t, "needSource", v) },
        { title: t("community"), dataIndex: "community_name" },
        { title: t("urgency"), dataIndex: "urgency" },
        { title: t("deadline"), dataIndex: "deadline" },
        { title: t("status"), dataIndex: "status", render: (v) => <Tag>{enumLabel(t, "needStatus", v)}</Tag> },
        {
          title: t("actions"),
          render: (_, need) =>
            (NEXT_STATUS[need.status] ?? []).length === 0 ? null : (
              <Dropdown
                trigger={["click"]}
                menu={{
                  items: NEXT_STATUS[need.status].map((next) => ({ key: next, label: enumLabel(t, "needStatus", next) })),
                  onClick: ({ key }) => move(need, key),
                }}
              >
                <Button size="small">
                  {t("moveTo")} <DownOutlined />
                </Button>
              </Dropdown>
            ),
        },
      ]}
    />
  );
}
