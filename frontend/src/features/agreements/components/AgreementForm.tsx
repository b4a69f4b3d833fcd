// Record or edit one co-building agreement: the unit, the community, the year, its title and signing day, and its
// items (what the unit will do, how many, done or not). Checked here first, then the server's field errors land on
// their fields and the rest in an alert; nothing typed is lost on a refusal.
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space } from "antd";
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { CommunityField } from "@/components/CommunityField";
import { FormModal } from "@/components/FormModal";
import { applyServerErrors } from "@/lib/forms";
import { districtDay, districtNow, pickedDay } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import { useAgreementUnits, useSaveAgreement, type Agreement, type AgreementInput } from "../api/agreements";

interface Values {
  unit?: number;
  community?: number;
  year?: number;
  title: string;
  signedOn?: Dayjs | null;
  items: { description: string; quantity?: number | null; done?: boolean }[];
}

export function toInput(values: Values): AgreementInput {
  return {
    unit: values.unit!,
    community: values.community!,
    year: values.year!,
    title: values.title.trim(),
    signed_on: values.signedOn ? pickedDay(values.signedOn) : null,
    items: (values.items ?? []).map((item) => ({
      description: item.description.trim(),
      quantity: item.quantity ?? 1,
      done: !!item.done,
    })),
  };
}

export function AgreementForm({ agreement, onClose }: { agreement?: Agreement; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const units = useAgreementUnits();
  const save = useSaveAgreement();

  const initial: Partial<Values> = agreement
    ? {
        unit: agreement.unit,
        community: agreement.community,
        year: agreement.year,
        title: agreement.title,
        signedOn: agreement.signed_on ? districtDay(agreement.signed_on) : null,
        items: (agreement.items ?? []).map(({ description, quantity, done }) => ({ description, quantity, done })),
      }
    : { community: me.community ?? undefined, year: districtNow().year(), title: "", items: [] };

  const submit = (values: Values) => {
    setError(null);
    save.mutate(
      { id: agreement?.id, body: toInput(values) },
      {
        onSuccess: () => onClose(true),
        onError: (e) => setError(applyServerErrors(form, e, { signed_on: "signedOn" })),
      },
    );
  };

  return (
    <FormModal
      form={form}
      title={agreement ? t("agreementEdit") : t("agreementNew")}
      saving={save.isPending}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} data-testid="agreement-form">
        <Form.Item
          name="unit"
          label={t("agreementUnit")}
          rules={[{ required: true, message: t("agreementUnitRequired") }]}
        >
          <Select
            options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
            loading={units.isLoading}
            showSearch={{ optionFilterProp: "label" }}
          />
        </Form.Item>
        <CommunityField />
        <Space wrap size="large">
          <Form.Item
            name="year"
            label={t("year")}
            rules={[{ required: true, type: "number", min: 2000, max: 2100, message: t("agreementYearRequired") }]}
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="signedOn" label={t("agreementSignedOn")}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item
          name="title"
          label={t("agreementTitle")}
          rules={[
            { required: true, whitespace: true, message: t("agreementTitleRequired") },
            { max: 128, message: t("agreementTitleLong") },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t("agreementItems")}>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item
                      name={[field.name, "description"]}
                      rules={[
                        { required: true, whitespace: true, message: t("agreementItemRequired") },
                        { max: 200, message: t("agreementItemLong") },
                      ]}
                    >
                      <Input
                        placeholder={t("agreementItem")}
                        aria-label={`${t("agreementItem")} ${index + 1}`}
                        style={{ width: 300 }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, "quantity"]}>
                      <InputNumber
                        min={1}
                        precision={0}
                        placeholder="1"
                        aria-label={`${t("agreementQuantity")} ${index + 1}`}
                        style={{ width: 90 }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, "done"]} valuePropName="checked">
                      <Checkbox>{t("agreementDone")}</Checkbox>
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={`${t("agreementItemRemove")} ${index + 1}`}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ description: "", quantity: 1 })}>
                  {t("agreementItemAdd")}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </FormModal>
  );
}
