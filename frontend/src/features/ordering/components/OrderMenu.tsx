// The community's service menu (服务菜单) on its public order page: what its service teams and units stand ready to
// do, when and on what terms, by the team's or the unit's name only; "点此预约" picks one for the form below, and the
// chosen one stays on top of the form until the resident chooses again. An empty or unreachable menu shows nothing:
// the resident still describes their need on the form.
import { Button, Card, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n";
import type { MenuOffer, OrderForm } from "../api/ordering";

type Choices = Pick<OrderForm, "categories" | "types">;

function label(rows: OrderForm["categories"], value: string): string {
  return rows.find((row) => row.value === value)?.label ?? value;
}

function OfferCard({ offer, choices, action }: { offer: MenuOffer; choices: Choices; action: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={offer.title} extra={action} data-testid={`menu-offer-${offer.id}`}>
      <Space orientation="vertical" size={4} style={{ width: "100%" }}>
        <Space size={4} wrap>
          <Tag color="blue">{label(choices.categories, offer.category)}</Tag>
          <Tag>{label(choices.types, offer.type)}</Tag>
          {offer.full && <Tag color="orange">{t("orderMenuFull")}</Tag>}
        </Space>
        <Typography.Text type="secondary">
          {t(offer.provider_kind === "team" ? "orderMenuTeam" : "orderMenuUnit", { name: offer.provider_name })}
        </Typography.Text>
        {offer.description && <Typography.Text>{offer.description}</Typography.Text>}
        {offer.schedule && <Typography.Text>{t("orderMenuWhen", { schedule: offer.schedule })}</Typography.Text>}
        {offer.conditions && <Typography.Text>{t("orderMenuTerms", { conditions: offer.conditions })}</Typography.Text>}
      </Space>
    </Card>
  );
}

/** The menu to pick from; nothing when it has no offer. */
export function OrderMenu({
  offers,
  choices,
  onPick,
}: {
  offers: MenuOffer[];
  choices: Choices;
  onPick: (offer: MenuOffer) => void;
}) {
  const { t } = useI18n();
  if (!offers.length) return null;
  return (
    <section aria-label={t("menuOffers")} style={{ marginBottom: 24 }}>
      <Typography.Title level={5}>{t("menuOffers")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("orderMenuIntro")}</Typography.Paragraph>
      <Space orientation="vertical" size="small" style={{ width: "100%" }}>
        {offers.map((offer) => (
          <OfferCard
            key={offer.id}
            offer={offer}
            choices={choices}
            action={
              <Button
                type="primary"
                size="small"
                disabled={offer.full}
                onClick={() => onPick(offer)}
                aria-label={`${t("orderMenuBook")} ${offer.title}`}
              >
                {offer.full ? t("orderMenuFull") : t("orderMenuBook")}
              </Button>
            }
          />
        ))}
      </Space>
    </section>
  );
}

/** The offer being ordered, above the form, with the way back to the menu. */
export function ChosenOffer({
  offer,
  choices,
  onChange,
}: {
  offer: MenuOffer;
  choices: Choices;
  onChange: () => void;
}) {
  const { t } = useI18n();
  return (
    <section aria-label={t("orderMenuChosen")} style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>{t("orderMenuChosen")}</Typography.Title>
      <OfferCard
        offer={offer}
        choices={choices}
        action={
          <Button type="link" size="small" onClick={onChange}>
            {t("orderMenuChange")}
          </Button>
        }
      />
    </section>
  );
}
