// Take an order from the menu for a resident (by phone or at the desk): who asks, how to reach them, in their words,
// how urgent, from when. It files a need awaiting review in the offer's community, owned by the caller (首问).
import { Alert, DatePicker, Form, Input, InputNumber, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { FormModal } from "@/components/FormModal";
import { districtTime, pickedDay, pickedTime } from "@/lib/format";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useOrderOffer, type Offer, type OrderOutput } from "../api/offers";

interface Values {
  requester_name?: string;
  requester_phone?: string;
  description?: string;
  urgency?: number;
  wanted_start?: Dayjs | null;
}

// A picker's wall time is the district's (whatever the browser's zone), sent as an instant with its offset.
const instant = (value: Dayjs) => districtTime(`${pickedDay(value)}T${pickedTime(value)}`).format();

export function OrderModal({ offer, onClose }: { offer: Offer; onClose: (ordered: OrderOutput | null) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const order = useOrderOffer();

  const submit = (values: Values) => {
    setError(null);
    order.mutate(
      {
        id: offer.id,
        body: {
          requester_name: (values.requester_name ?? "").trim(),
          requester_phone: (values.requester_phone ?? "").trim(),
          description: (values.description ?? "").trim(),
          urgency: values.urgency ?? 3,
          wanted_start: values.wanted_start ? instant(values.wanted_start) : null,
        },
      },
      { onSuccess: (made) => onClose(made), onError: (e) => setError(applyServerErrors(form, e)) },
    );
  };

  return (
    <FormModal
      form={form}
      title={t("offerOrderTitle", { title: offer.title })}
      saving={order.isPending}
      onCancel={() => onClose(null)}
    >
      <Typography.Paragraph type="secondary">
        {t("offerOrderHelp", { community: offer.community_name })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ urgency: 3 }} data-testid="order-form">
        <Form.Item name="requester_name" label={t("offerRequester")} rules={[{ max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="requester_phone" label={t("offerRequesterPhone")} rules={[{ max: 20 }]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="description" label={t("offerRequest")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="urgency" label={t("offerUrgency")} rules={[{ type: "integer", min: 1, max: 5 }]}>
          <InputNumber precision={0} min={1} max={5} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="wanted_start" label={t("offerWantedStart")}>
          <DatePicker showTime={{ format: "HH:mm", minuteStep: 5 }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </FormModal>
  );
}
