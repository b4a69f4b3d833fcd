// The sign-in form: required fields checked here, the server's refusal shown under the form; links to the other
// ways in (an SMS code, 忘记密码), whose forms the app composes in (`otherWays`).
import { Alert, Button, Form, Input, Typography } from "antd";
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Suspense, useState, type ReactNode } from "react";
import { Panel } from "@/components/Panel";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useLogin, type Credentials } from "../api/session";

export type OtherWay = "code" | "reset";

export function LoginPage({
  onLanguage,
  otherWays,
}: {
  onLanguage?: ReactNode;
  /** The form of another way in, and how it comes back to the password. */
  otherWays?: (way: OtherWay, back: () => void) => ReactNode;
}) {
  const { t } = useI18n();
  const [way, setWay] = useState<OtherWay | null>(null);
  const [form] = Form.useForm<Credentials>();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);

  const submit = (values: Credentials) => {
    setError(null);
    login.mutate(values, { onError: (e) => setError(applyServerErrors(form, e)) });
  };

  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        padding: 16,
        background: "#f0f2f5",
      }}
    >
      <Panel style={{ width: "100%", maxWidth: 400 }}>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline" }}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t("appName")}
          </Typography.Title>
          {onLanguage}
        </div>
        {way && otherWays ? (
          <Suspense fallback={null}>{otherWays(way, () => setWay(null))}</Suspense>
        ) : (
          <>
            <Form
              form={form}
              layout="vertical"
              onFinish={submit}
              requiredMark={false}
              initialValues={{ username: "", password: "" }}
            >
              <Form.Item
                name="username"
                label={t("usernameLabel")}
                rules={[{ required: true, whitespace: true, message: t("usernameRequired") }]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
              </Form.Item>
              <Form.Item
                name="password"
                label={t("passwordLabel")}
                rules={[{ required: true, message: t("passwordRequired") }]}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
              </Form.Item>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
              <Button type="primary" htmlType="submit" block loading={login.isPending}>
                {t("loginSubmit")}
              </Button>
            </Form>
            {otherWays && (
              <div style={{ display: "flex", justifyContent: "space-between", marginTop: 8 }}>
                <Button type="link" style={{ padding: 0 }} onClick={() => setWay("code")}>
                  {t("loginByCode")}
                </Button>
                <Button type="link" style={{ padding: 0 }} onClick={() => setWay("reset")}>
                  {t("forgotPassword")}
                </Button>
              </div>
            )}
          </>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t("loginHint")}
        </Typography.Paragraph>
      </Panel>
    </div>
  );
}
