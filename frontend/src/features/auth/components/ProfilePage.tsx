// Who I am here: name, role, and the scope my account is attached to.
import { Card, Descriptions, Typography } from "antd";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";

export function ProfilePage() {
  const { t } = useI18n();
  const me = useSession();
  return (
    <div style={{ maxWidth: 720 }}>
      <Typography.Title level={3}>{t("profileTitle")}</Typography.Title>
      <Card>
        <Descriptions column={1}>
          <Descriptions.Item label={t("name")}>{me.display_name}</Descriptions.Item>
          <Descriptions.Item label={t("usernameLabel")}>{me.username}</Descriptions.Item>
          <Descriptions.Item label={t("kind")}>{enumLabel(t, "role", me.role)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </div>
  );
}
