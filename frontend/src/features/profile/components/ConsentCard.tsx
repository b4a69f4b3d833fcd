// The volunteer's consents, their own act: each switch gives or withdraws one at once (nobody else can), and the
// history below lists every change with its time and who made it.
import { Alert, App, Card, Empty, Space, Switch, Typography } from "antd";
import { ErrorState, Loading } from "@/components/PageState";
import { formatDateTime } from "@/lib/format";
import { useI18n, type MessageKey } from "@/lib/i18n";
import { useConsentHistory, useSetConsent, type Consent, type VolunteerProfile } from "../api/profile";

const CONSENTS: { consent: Consent; label: MessageKey; help: MessageKey }[] = [
  { consent: "consent_rank_name", label: "consentRank", help: "consentRankHelp" },
  { consent: "consent_share_with_unit", label: "consentUnit", help: "consentUnitHelp" },
];

export function ConsentCard({ profile }: { profile: VolunteerProfile }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const set = useSetConsent(profile.id);
  const history = useConsentHistory(profile.id);
  const names: Record<Consent, string> = {
    consent_rank_name: t("consentRankShort"),
    consent_share_with_unit: t("consentUnitShort"),
  };

  const change = (consent: Consent, value: boolean) =>
    set.mutate(
      { consent, value },
      {
        onSuccess: () => void message.success(value ? t("consentGiven") : t("consentWithdrawn")),
        onError: (e) => void modal.error({ title: t("refused"), content: e instanceof Error ? e.message : String(e) }),
      },
    );

  return (
    <Card title={t("consentTitle")} data-testid="consent-card">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Typography.Text type="secondary">{t("consentIntro")}</Typography.Text>
        {CONSENTS.map(({ consent, label, help }) => (
          <Space key={consent} align="start">
            <Switch
              checked={profile[consent]}
              loading={set.isPending && set.variables?.consent === consent}
              onChange={(value) => change(consent, value)}
              aria-label={t(label)}
            />
            <Space orientation="vertical" size={0}>
              <Typography.Text>{t(label)}</Typography.Text>
              <Typography.Text type="secondary">{t(help)}</Typography.Text>
            </Space>
          </Space>
        ))}
        {!profile.employer_unit_name && profile.consent_share_with_unit && (
          <Alert type="info" showIcon title={t("consentUnitNoEmployer")} />
        )}
        <Typography.Text strong>{t("consentHistory")}</Typography.Text>
        {history.isLoading ? (
          <Loading />
        ) : history.isError ? (
          <ErrorState error={history.error} onRetry={() => history.refetch()} />
        ) : (
          <Space orientation="vertical" size={4} data-testid="consent-history">
            {history.data?.length ? (
              history.data.map((change) => (
                <Space key={change.id} wrap>
                  <Typography.Text type="secondary">{formatDateTime(change.changed_at)}</Typography.Text>
                  <Typography.Text>
                    {t(change.new_value ? "consentHistoryGiven" : "consentHistoryWithdrawn", {
                      consent: names[change.consent],
                    })}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {change.by_volunteer ? t("consentByYou") : t("consentBy", { name: change.changed_by ?? "—" })}
                  </Typography.Text>
                </Space>
              ))
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("consentHistoryEmpty")} />
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
}
