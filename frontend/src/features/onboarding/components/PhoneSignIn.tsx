// Sign-in without the password, on the sign-in page: by phone with a one-time SMS code, or a new password set with
// one (忘记密码). Composed into features/auth's sign-in page by app/App.tsx, in its own chunk (the sign-in page's
// first load stays within its budget).
import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useCodeLogin, usePasswordReset, type Me } from "../api/onboarding";
import { useCodeRequest } from "./CodeRequest";

interface Values {
  phone: string;
  code: string;
  password: string;
  password2: string;
}

const CODE = /^[0-9]{6}$/;

export function PhoneSignIn({
  mode,
  onBack,
  onSignedIn,
}: {
  mode: "code" | "reset";
  onBack: () => void;
  onSignedIn: (me: Me) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { button, alert } = useCodeRequest(form, mode === "code" ? "login" : "reset");
  const codeLogin = useCodeLogin();
  const reset = usePasswordReset();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = (values: Values) => {
    setError(null);
    const phone = values.phone.trim();
    const code = values.code.trim();
    const refused = (e: unknown) => setError(applyServerErrors(form, e));
    if (mode === "code") codeLogin.mutate({ phone, code }, { onSuccess: (who) => onSignedIn(who), onError: refused });
    else reset.mutate({ phone, code, password: values.password }, { onSuccess: () => setDone(true), onError: refused });
  };

  if (done) {
    return (
      <>
        <Alert type="success" showIcon title={t("resetDone")} role="status" style={{ marginBottom: 16 }} />
        <Button type="primary" block onClick={onBack}>
          {t("backToPassword")}
        </Button>
      </>
    );
  }
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      initialValues={{ phone: "", code: "", password: "", password2: "" }}
    >
      <Typography.Paragraph type="secondary">
        {mode === "code" ? t("codeLoginHelp") : t("resetHelp")}
      </Typography.Paragraph>
      <Form.Item label={t("phoneNumber")} required>
        {/* A plain row, not Space.Compact: Space would join the sign-in page's shared chunk (its size budget). */}
        <div style={{ display: "flex", gap: 8 }}>
          <Form.Item name="phone" noStyle rules={[{ required: true, whitespace: true, message: t("phoneRequired") }]}>
            <Input inputMode="tel" autoComplete="tel" aria-label={t("phoneNumber")} autoFocus />
          </Form.Item>
          {button}
        </div>
      </Form.Item>
      {alert}
      <Form.Item
        name="code"
        label={t("smsCode")}
        rules={[{ required: true, pattern: CODE, message: t("smsCodeInvalid") }]}
      >
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
      </Form.Item>
      {mode === "reset" && (
        <>
          <Form.Item
            name="password"
            label={t("newPassword")}
            rules={[{ required: true, message: t("newPasswordRequired") }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="password2"
            label={t("newPasswordAgain")}
            dependencies={["password"]}
            rules={[
              { required: true, message: t("newPasswordRequired") },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue("password")
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("passwordsDiffer"))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block loading={codeLogin.isPending || reset.isPending}>
        {mode === "code" ? t("codeLogin") : t("resetPassword")}
      </Button>
      <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
        {t("backToPassword")}
      </Button>
    </Form>
  );
}
