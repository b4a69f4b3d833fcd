// The sign-in form: required fields checked here, the server's refusal shown under the form.
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useLogin, type Credentials } from "../api/session";

export function LoginPage({ onLanguage }: { onLanguage?: React.ReactNode }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Credentials>();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);

  const submit = (values: Credentials) => {
    setError(null);
    login.mutate(values, { onError: (e) => setError(applyServerErrors(form, e)) });
  };

  return (
    <div style={{ minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", padding: 16, background: "#f0f2f5" }}>
      <Card style={{ width: "100%", maxWidth: 400 }}>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline" }}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t("appName")}
          </Typography.Title>
          {onLanguage}
        </div>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ username: "", password: "" }}>
          <Form.Item name="username" label={t("username")} rules={[{ required: true, whitespace: true, message: t("usernameRequired") }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t("password")} rules={[{ required: true, message: t("passwordRequired") }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t("login")}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t("loginHint")}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
