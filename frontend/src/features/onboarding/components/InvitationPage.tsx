// The public invitation page (/activate/<token>, the link of the SMS and of the printed QR sheet; /activate with
// the phone number and the SMS code): whose invitation it is, then a password, the phone confirmed and the privacy
// notice accepted; the person is then signed in. Laid out for a phone first.
import { Alert, Button, Checkbox, Form, Input, Typography } from "antd";
import { useEffect, useState, type ReactNode } from "react";
import { PublicFrame } from "@/components/PublicFrame";
import { formatDateTime } from "@/lib/format";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import {
  useAcceptInvitation,
  useInvitationLookup,
  type Invitation,
  type InvitationKey,
  type Me,
} from "../api/onboarding";

const CODE = /^[0-9]{6}$/;

function Frame({ header, children }: { header?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <PublicFrame title={t("inviteTitle")} header={header}>
      {children}
    </PublicFrame>
  );
}

/** Without a link (or with a dead one): the phone number and the code of the SMS name the invitation. */
function CodeStep({
  onFound,
  notice,
}: {
  onFound: (key: InvitationKey, invitation: Invitation) => void;
  notice?: string | null;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const lookup = useInvitationLookup();
  const [error, setError] = useState<string | null>(null);
  const submit = (values: { phone: string; code: string }) => {
    setError(null);
    const key = { phone: values.phone.trim(), code: values.code.trim() };
    lookup.mutate(key, {
      onSuccess: (invitation) => onFound(key, invitation),
      onError: (e) => setError(applyServerErrors(form, e)),
    });
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ phone: "", code: "" }}>
      {notice && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t("inviteCodeHelp")}</Typography.Paragraph>
      <Form.Item
        name="phone"
        label={t("phoneNumber")}
        rules={[{ required: true, whitespace: true, message: t("phoneRequired") }]}
      >
        <Input inputMode="tel" autoComplete="tel" size="large" />
      </Form.Item>
      <Form.Item
        name="code"
        label={t("inviteCode")}
        rules={[{ required: true, pattern: CODE, message: t("smsCodeInvalid") }]}
      >
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block size="large" loading={lookup.isPending}>
        {t("inviteNext")}
      </Button>
    </Form>
  );
}

interface AcceptValues {
  password: string;
  password2: string;
  confirm_phone: string;
  privacy_accepted: boolean;
}

function AcceptStep({
  inviteKey,
  invitation,
  onSignedIn,
}: {
  inviteKey: InvitationKey;
  invitation: Invitation;
  onSignedIn: (me: Me) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<AcceptValues>();
  const accept = useAcceptInvitation();
  const [error, setError] = useState<string | null>(null);
  const submit = (values: AcceptValues) => {
    setError(null);
    accept.mutate(
      {
        key: inviteKey,
        username: invitation.username,
        password: values.password,
        confirm_phone: values.confirm_phone.trim(),
        privacy_accepted: values.privacy_accepted,
      },
      { onSuccess: (who) => onSignedIn(who), onError: (e) => setError(applyServerErrors(form, e)) },
    );
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      initialValues={{ password: "", password2: "", confirm_phone: "", privacy_accepted: false }}
    >
      <Typography.Paragraph>
        {t("inviteWelcome", { name: invitation.display_name })}
        <br />
        <Typography.Text type="secondary">
          {t("inviteUsername", { username: invitation.username })} ·{" "}
          {t("inviteExpires", { time: formatDateTime(invitation.expires_at) })}
        </Typography.Text>
      </Typography.Paragraph>
      <Form.Item
        name="password"
        label={t("newPassword")}
        rules={[{ required: true, message: t("newPasswordRequired") }]}
      >
        <Input.Password autoComplete="new-password" size="large" />
      </Form.Item>
      <Form.Item
        name="password2"
        label={t("newPasswordAgain")}
        dependencies={["password"]}
        rules={[
          { required: true, message: t("newPasswordRequired") },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              value === getFieldValue("password") ? Promise.resolve() : Promise.reject(new Error(t("passwordsDiffer"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" size="large" />
      </Form.Item>
      <Form.Item
        name="confirm_phone"
        label={t("confirmPhone")}
        extra={invitation.phone ? t("confirmPhoneHelp", { phone: invitation.phone }) : t("confirmPhoneFirst")}
        rules={[{ required: true, whitespace: true, message: t("phoneRequired") }]}
      >
        <Input inputMode="tel" autoComplete="tel" size="large" />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t("privacyNotice", { version: invitation.privacy_version })}{" "}
        <Typography.Link href="/privacy" target="_blank">
          {t("privacyRead")}
        </Typography.Link>
      </Typography.Paragraph>
      <Form.Item
        name="privacy_accepted"
        valuePropName="checked"
        rules={[
          { validator: (_, value) => (value ? Promise.resolve() : Promise.reject(new Error(t("privacyRequired")))) },
        ]}
      >
        <Checkbox>{t("privacyAccept")}</Checkbox>
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block size="large" loading={accept.isPending}>
        {t("inviteActivate")}
      </Button>
    </Form>
  );
}

export function InvitationPage({
  token,
  header,
  onSignedIn,
}: {
  token?: string;
  header?: ReactNode;
  onSignedIn: (me: Me) => void;
}) {
  const { t } = useI18n();
  // mutate is the same function on every render: the link is looked up once per token
  const { mutate: lookUp } = useInvitationLookup();
  const [found, setFound] = useState<{ key: InvitationKey; invitation: Invitation } | null>(null);
  const [linkDead, setLinkDead] = useState<string | null>(null);

  useEffect(() => {
    if (!token) return;
    lookUp(
      { token },
      {
        onSuccess: (invitation) => setFound({ key: { token }, invitation }),
        onError: (e) => setLinkDead(e.message),
      },
    );
  }, [token, lookUp]);

  let body: ReactNode;
  if (found) body = <AcceptStep inviteKey={found.key} invitation={found.invitation} onSignedIn={onSignedIn} />;
  else if (token && !linkDead)
    body = <Typography.Paragraph type="secondary">{t("inviteChecking")}</Typography.Paragraph>;
  else body = <CodeStep notice={linkDead} onFound={(key, invitation) => setFound({ key, invitation })} />;
  return <Frame header={header}>{body}</Frame>;
}
