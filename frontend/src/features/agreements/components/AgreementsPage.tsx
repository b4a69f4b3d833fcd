// 共建协议: the co-building agreements of the caller's scope (a unit's own 报到 to a community), each with its items
// and how many are done. Coordinators record, edit and delete agreements and tick items as they are done; a unit
// representative reads their unit's (the server allows no more).
import { App, Button, Checkbox, Empty, List, Popconfirm, Progress, Space, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useState } from "react";
import { SimpleList } from "@/components/SimpleList";
import { ApiError } from "@/lib/api";
import { useI18n } from "@/lib/i18n";
import { isCoordinator, useSession } from "@/lib/session";
import { progressOf, useAgreements, useDeleteAgreement, useItemDone, type Agreement } from "../api/agreements";
import { AgreementForm } from "./AgreementForm";

export function AgreementsPage() {
  const { t } = useI18n();
  const me = useSession();
  const editor = isCoordinator(me);
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<Agreement | "new" | null>(null);
  const remove = useDeleteAgreement();
  const itemDone = useItemDone();
  const refused = (error: unknown) => {
    modal.error({ title: t("agreementRefused"), content: error instanceof ApiError ? error.message : String(error) });
  };

  const items = (agreement: Agreement) =>
    (agreement.items ?? []).length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("agreementItemsNone")} />
    ) : (
      <List
        size="small"
        header={<Typography.Text strong>{t("agreementItems")}</Typography.Text>}
        dataSource={agreement.items}
        renderItem={(item) => (
          <List.Item>
            <Checkbox
              checked={!!item.done}
              disabled={!editor || itemDone.isPending}
              onChange={(event) =>
                itemDone.mutate(
                  { agreement, item, done: event.target.checked },
                  { onSuccess: () => void message.success(t("agreementItemSaved")), onError: refused },
                )
              }
            >
              {item.description}
              {(item.quantity ?? 1) > 1 && <Typography.Text type="secondary"> × {item.quantity}</Typography.Text>}
            </Checkbox>
          </List.Item>
        )}
      />
    );

  return (
    <>
      <SimpleList<Agreement>
        title={t("menuAgreements")}
        useRows={useAgreements}
        emptyText={t("agreementsEmpty")}
        extra={
          editor && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
              {t("agreementNew")}
            </Button>
          )
        }
        expandable={{ expandedRowRender: items }}
        columns={[
          { title: t("year"), dataIndex: "year" },
          { title: t("agreementUnit"), dataIndex: "unit_name" },
          { title: t("community"), dataIndex: "community_name" },
          { title: t("agreementTitle"), dataIndex: "title" },
          { title: t("agreementSignedOn"), dataIndex: "signed_on", render: (day: string | null) => day ?? "—" },
          {
            title: t("agreementProgress"),
            render: (_, agreement) => {
              const { done, total } = progressOf(agreement);
              return total === 0 ? (
                "—"
              ) : (
                <Progress
                  percent={Math.round((100 * done) / total)}
                  format={() => `${done}/${total}`}
                  size="small"
                  style={{ minWidth: 120 }}
                />
              );
            },
          },
          ...(editor
            ? [
                {
                  title: t("actions"),
                  render: (_: unknown, agreement: Agreement) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(agreement)}>
                        {t("edit")}
                      </Button>
                      <Popconfirm
                        title={t("agreementDeleteConfirm", { title: agreement.title })}
                        okText={t("confirm")}
                        cancelText={t("cancel")}
                        onConfirm={() =>
                          remove.mutate(agreement.id, {
                            onSuccess: () => void message.success(t("agreementDeleted")),
                            onError: refused,
                          })
                        }
                      >
                        <Button type="link" size="small" danger>
                          {t("agreementDelete")}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t("agreementsHelp")}
      </Typography.Paragraph>
      {editing && (
        <AgreementForm
          agreement={editing === "new" ? undefined : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void message.success(t("saved"));
          }}
        />
      )}
    </>
  );
}
