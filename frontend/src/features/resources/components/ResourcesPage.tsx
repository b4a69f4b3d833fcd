// Resources in the caller's scope: a unit's idle resources, or a community's rooms; list, create, edit; a unit
// representative also withdraws one for a day (撤回某日) and sees the upcoming withdrawals to take back (when any).
import { App, Button, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useState } from "react";
import { Link } from "react-router";
import { SimpleList } from "@/components/SimpleList";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import { useResources, type Resource, type Slot } from "../api/resources";
import { WithdrawalsCard } from "./WithdrawalsCard";
import { ResourceForm } from "./ResourceForm";
import { WithdrawModal } from "./WithdrawModal";

function slotText(slot: Slot, weekday: (n: number) => string) {
  const day = slot.weekday ? weekday(slot.weekday) : slot.date;
  return `${day} ${slot.start_time.slice(0, 5)}–${slot.end_time.slice(0, 5)}`;
}

export function ResourcesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useSession();
  const isUnit = me.role === "unit_representative";
  const [editing, setEditing] = useState<Resource | "new" | null>(null);
  const [withdrawing, setWithdrawing] = useState<Resource | null>(null);
  const weekday = (n: number) => enumLabel(t, "weekday", n);
  return (
    <>
      {isUnit && (
        <div style={{ marginBottom: 16 }}>
          <WithdrawalsCard hideWhenEmpty />
        </div>
      )}
      <SimpleList<Resource>
        title={t("resourcesTitle")}
        useRows={useResources}
        emptyText={t("resourcesEmpty")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("newResource")}
          </Button>
        }
        columns={[
          { title: t("name"), dataIndex: "name" },
          { title: t("category"), dataIndex: "category", render: (_, r) => enumLabel(t, "cat", r.category) },
          { title: t("capacity"), dataIndex: "capacity" },
          { title: t("community"), dataIndex: "community_name" },
          { title: t("unit"), dataIndex: "unit_name", render: (_, r) => r.unit_name ?? "—" },
          {
            title: t("slots"),
            dataIndex: "slots",
            render: (slots: Slot[]) => slots.slice(0, 3).map((s) => <Tag key={s.id}>{slotText(s, weekday)}</Tag>),
          },
          {
            title: t("status"),
            dataIndex: "status",
            render: (_, r) => (
              <Tag color={r.status === "listed" ? "green" : "default"}>{enumLabel(t, "resStatus", r.status)}</Tag>
            ),
          },
          {
            title: t("actions"),
            render: (_, row) => (
              <>
                <Button type="link" size="small" onClick={() => setEditing(row)}>
                  {t("edit")}
                </Button>
                <Link to={`/resources/${row.id}`}>
                  <Button type="link" size="small">
                    {t("calendarOpen")}
                  </Button>
                </Link>
                {isUnit && (
                  <Button type="link" danger size="small" onClick={() => setWithdrawing(row)}>
                    {t("withdrawDay")}
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
      {editing && (
        <ResourceForm
          resource={editing === "new" ? undefined : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) message.success(t("saved"));
          }}
        />
      )}
      {withdrawing && (
        <WithdrawModal
          resource={{ id: withdrawing.id, name: withdrawing.name }}
          onClose={() => setWithdrawing(null)}
          onDone={() => {
            setWithdrawing(null);
            message.success(t("withdrawOkMessage"));
          }}
        />
      )}
    </>
  );
}
