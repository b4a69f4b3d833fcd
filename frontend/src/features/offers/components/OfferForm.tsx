// Put a service on the menu or edit one: who offers it (a team, or a unit in the area; a unit's representative
// offers their own unit's), what it is, its conditions and time, how many people each time, how many orders it takes
// at once (empty: no limit), on the menu or not.
// Checked here first; the server's field errors land on their fields and the rest in an alert, nothing typed lost.
import { Alert, Form, Input, InputNumber, Radio, Select, Switch } from "antd";
import { useState } from "react";
import { FormModal } from "@/components/FormModal";
import { CATEGORIES, TYPES } from "@/features/needs/api/needs";
import { applyServerErrors } from "@/lib/forms";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import { useProviders, useSaveOffer, type Offer, type OfferInput } from "../api/offers";

type Kind = "team" | "unit";

interface Values {
  kind: Kind;
  team?: number;
  unit?: number;
  title: string;
  category?: OfferInput["category"];
  type?: OfferInput["type"];
  description?: string;
  conditions?: string;
  schedule?: string;
  headcount?: number | null;
  open_orders_limit?: number | null;
  active: boolean;
}

export function toInput(values: Values): OfferInput {
  return {
    team: values.kind === "team" ? values.team! : null,
    unit: values.kind === "unit" ? values.unit! : null,
    title: values.title.trim(),
    category: values.category!,
    type: values.type ?? "service",
    description: (values.description ?? "").trim(),
    conditions: (values.conditions ?? "").trim(),
    schedule: (values.schedule ?? "").trim(),
    headcount: values.headcount ?? 1,
    open_orders_limit: values.open_orders_limit ?? null,
    active: values.active,
  };
}

export function OfferForm({ offer, onClose }: { offer?: Offer; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const me = useSession();
  const representative = me.role === "unit_representative";
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const { teams, units } = useProviders(true);
  const save = useSaveOffer();
  const kind = Form.useWatch<Kind | undefined>("kind", form);

  const initial: Partial<Values> = offer
    ? {
        kind: offer.team ? "team" : "unit",
        team: offer.team ?? undefined,
        unit: offer.unit ?? undefined,
        title: offer.title,
        category: offer.category,
        type: offer.type,
        description: offer.description,
        conditions: offer.conditions,
        schedule: offer.schedule,
        headcount: offer.headcount,
        open_orders_limit: offer.open_orders_limit ?? null,
        active: offer.active ?? true,
      }
    : {
        kind: representative ? "unit" : "team",
        unit: representative ? (me.unit ?? undefined) : undefined,
        title: "",
        type: "service",
        headcount: 1,
        active: true,
      };

  const submit = (values: Values) => {
    setError(null);
    save.mutate(
      { id: offer?.id, body: toInput(values) },
      { onSuccess: () => onClose(true), onError: (e) => setError(applyServerErrors(form, e)) },
    );
  };

  return (
    <FormModal
      form={form}
      title={offer ? t("offerEdit") : t("offerNew")}
      saving={save.isPending}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} data-testid="offer-form">
        {!representative && (
          <Form.Item name="kind" label={t("offerProviderKind")}>
            <Radio.Group
              options={[
                { value: "team", label: t("offerProviderTeam") },
                { value: "unit", label: t("offerProviderUnit") },
              ]}
            />
          </Form.Item>
        )}
        {(kind ?? initial.kind) === "team" ? (
          <Form.Item
            name="team"
            label={t("offerProviderTeam")}
            rules={[{ required: true, message: t("offerTeamRequired") }]}
          >
            <Select
              options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
              loading={teams.isLoading}
              showSearch={{ optionFilterProp: "label" }}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="unit"
            label={t("offerProviderUnit")}
            rules={[{ required: true, message: t("offerUnitRequired") }]}
          >
            <Select
              options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
              loading={units.isLoading}
              showSearch={{ optionFilterProp: "label" }}
            />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t("offerTitle")}
          rules={[
            { required: true, whitespace: true, message: t("offerTitleRequired") },
            { max: 64, message: t("offerTitleLong") },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="category"
          label={t("category")}
          rules={[{ required: true, message: t("offerCategoryRequired") }]}
        >
          <Select options={CATEGORIES.map((c) => ({ value: c, label: enumLabel(t, "needCategory", c) }))} />
        </Form.Item>
        <Form.Item name="type" label={t("offerType")}>
          <Select options={TYPES.map((c) => ({ value: c, label: enumLabel(t, "needType", c) }))} />
        </Form.Item>
        <Form.Item name="description" label={t("offerDescription")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="conditions" label={t("offerConditions")} extra={t("offerConditionsHelp")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="schedule" label={t("offerSchedule")} extra={t("offerScheduleHelp")} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="headcount" label={t("offerHeadcount")}>
          <InputNumber min={1} max={50} precision={0} />
        </Form.Item>
        <Form.Item name="open_orders_limit" label={t("offerOpenLimit")} extra={t("offerOpenLimitHelp")}>
          <InputNumber min={1} max={32767} precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t("offerActive")} valuePropName="checked">
          <Switch />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </FormModal>
  );
}
