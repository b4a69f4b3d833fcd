// The privacy notice (/privacy), public: what the platform processes, what for, who sees it, the reader's choices
// and rights, how long it is kept; with the installation's operator and contact (settings PRIVACY_CONTROLLER,
// PRIVACY_CONTACT) and the version people accept when they activate. Opened from the invitation page.
import { Typography } from "antd";
import type { ReactNode } from "react";
import { ErrorState, Loading } from "@/components/PageState";
import { Panel } from "@/components/Panel";
import { useI18n, type MessageKey } from "@/lib/i18n";
import { usePrivacyNotice } from "../api/onboarding";

const SECTIONS: [MessageKey, MessageKey][] = [
  ["privacyWhatTitle", "privacyWhatBody"],
  ["privacyWhyTitle", "privacyWhyBody"],
  ["privacyWhoTitle", "privacyWhoBody"],
  ["privacyChoicesTitle", "privacyChoicesBody"],
  ["privacyKeepTitle", "privacyKeepBody"],
  ["privacyChangeTitle", "privacyChangeBody"],
];

export function PrivacyPage({ header }: { header?: ReactNode }) {
  const { t } = useI18n();
  const notice = usePrivacyNotice();
  if (notice.isLoading) return <Loading />;
  if (notice.isError) return <ErrorState error={notice.error} onRetry={() => notice.refetch()} />;
  const { version, controller, contact } = notice.data!;
  return (
    <div style={{ maxWidth: 720, margin: "0 auto", padding: "16px 12px 48px" }}>
      <Panel>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: 8 }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t("privacyTitle")}
          </Typography.Title>
          {header}
        </div>
        <Typography.Paragraph type="secondary">{t("privacyVersion", { version })}</Typography.Paragraph>
        <Typography.Paragraph>
          {t("privacyController", { controller: controller || t("privacyUnnamed") })}
          <br />
          {t("privacyContact", { contact: contact || t("privacyUnnamed") })}
        </Typography.Paragraph>
        {SECTIONS.map(([title, body]) => (
          <section key={title}>
            <Typography.Title level={5}>{t(title)}</Typography.Title>
            <Typography.Paragraph>{t(body)}</Typography.Paragraph>
          </section>
        ))}
      </Panel>
    </div>
  );
}
