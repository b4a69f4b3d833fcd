// Check in or out at the place: the shift's QR code opens this page with its token (or paste the code).
import { Alert, Button, Card, Form, Input, Result, Space, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { applyServerErrors } from "@/lib/forms";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useCheck } from "../api/checkIn";

export function CheckInPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ token: string }>();
  const checkIn = useCheck("in");
  const checkOut = useCheck("out");
  const [error, setError] = useState<string | null>(null);
  const done = checkOut.data ?? checkIn.data;

  const run = (direction: "in" | "out") => () => {
    setError(null);
    const mutation = direction === "in" ? checkIn : checkOut;
    form.validateFields().then(
      ({ token }) => mutation.mutate(token.trim(), { onError: (e) => setError(applyServerErrors(form, e)) }),
      () => undefined, // the missing code is shown on its field
    );
  };

  return (
    <Space orientation="vertical" style={{ width: "100%", maxWidth: 560 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("checkInTitle")}
      </Typography.Title>
      {done && (
        <Result
          status="success"
          title={done.checked_out_at ? t("checkedOut") : t("checkedIn")}
          subTitle={`${done.shift_title} · ${formatDateTime(done.checked_out_at ?? done.checked_in_at)}${
            done.checked_out_at ? ` · ${done.hours.toFixed(1)} h` : ""
          }`}
        />
      )}
      <Card>
        <Form form={form} layout="vertical" initialValues={{ token: params.get("token") ?? "" }}>
          <Form.Item
            name="token"
            label={t("checkInCode")}
            extra={t("checkInHelp")}
            rules={[{ required: true, whitespace: true, message: t("checkInCodeRequired") }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
          <Space>
            <Button type="primary" onClick={run("in")} loading={checkIn.isPending}>
              {t("checkIn")}
            </Button>
            <Button onClick={run("out")} loading={checkOut.isPending}>
              {t("checkOut")}
            </Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
