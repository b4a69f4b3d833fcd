// The resident's mobile number on the order and tracking forms: typed as people type it, checked by the server.
import { Form, Input } from "antd";
import { useI18n } from "@/lib/i18n";

export function PhoneItem() {
  const { t } = useI18n();
  return (
    <Form.Item
      name="phone"
      label={t("orderPhone")}
      rules={[{ required: true, whitespace: true, message: t("orderPhoneRequired") }]}
    >
      <Input inputMode="tel" autoComplete="tel" size="large" />
    </Form.Item>
  );
}
