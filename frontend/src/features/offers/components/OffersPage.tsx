// 服务菜单 (服务项目库): the standing services of teams and units in the area, with their conditions. Every coordinator
// reads the district's menu and takes orders for residents from the offers of their scope; coordinators and a unit's
// representative keep the offers they may (the server decides, per offer).
import { App, Button, Space, Tag, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useState } from "react";
import { SimpleList } from "@/components/SimpleList";
import { formatDate } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { isCoordinator, useSession } from "@/lib/session";
import { useOffers, type Offer } from "../api/offers";
import { OfferForm } from "./OfferForm";
import { OrderModal } from "./OrderModal";

export function OffersPage() {
  const { t } = useI18n();
  const me = useSession();
  const coordinator = isCoordinator(me);
  const keeper = coordinator || me.role === "unit_representative";
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Offer | "new" | null>(null);
  const [ordering, setOrdering] = useState<Offer | null>(null);

  return (
    <>
      <SimpleList<Offer>
        title={t("menuOffers")}
        useRows={useOffers}
        emptyText={t("offersEmpty")}
        extra={
          keeper && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
              {t("offerNew")}
            </Button>
          )
        }
        columns={[
          {
            title: t("offerTitle"),
            dataIndex: "title",
            render: (title: string, offer) => (
              <Space size={4}>
                {title}
                {offer.active === false && <Tag>{t("offerOff")}</Tag>}
                {offer.open_orders_limit != null && offer.open_orders >= offer.open_orders_limit && (
                  <Tag color="orange">{t("offerFull")}</Tag>
                )}
              </Space>
            ),
          },
          { title: t("offerProvider"), dataIndex: "provider_name" },
          { title: t("community"), dataIndex: "community_name" },
          {
            title: t("category"),
            dataIndex: "category",
            render: (category: string) => enumLabel(t, "needCategory", category),
          },
          { title: t("offerSchedule"), dataIndex: "schedule", render: (text: string) => text || "—" },
          {
            title: t("offerConditions"),
            dataIndex: "conditions",
            render: (text: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ margin: 0, maxWidth: 260 }}>
                {text || "—"}
              </Typography.Paragraph>
            ),
          },
          { title: t("offerOrders"), dataIndex: "orders" },
          {
            title: t("actions"),
            render: (_: unknown, offer: Offer) => (
              <Space size={0}>
                {coordinator && offer.active !== false && (
                  <Button type="link" size="small" onClick={() => setOrdering(offer)}>
                    {t("offerOrder")}
                  </Button>
                )}
                {keeper && (
                  <Button type="link" size="small" onClick={() => setEditing(offer)}>
                    {t("edit")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t("offersHelp")}
      </Typography.Paragraph>
      {editing && (
        <OfferForm
          offer={editing === "new" ? undefined : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void message.success(t("saved"));
          }}
        />
      )}
      {ordering && (
        <OrderModal
          offer={ordering}
          onClose={(made) => {
            setOrdering(null);
            if (made) void message.success(t("offerOrdered", { need: made.need, deadline: formatDate(made.deadline) }));
          }}
        />
      )}
    </>
  );
}
