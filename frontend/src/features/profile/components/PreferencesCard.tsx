// What the volunteer likes to do and where: kinds of service and communities. The weekly matching prefers the week's
// shifts of those kinds or in those communities for them (a wish, never a promise), so both are optional.
import { Alert, App, Button, Card, Form, Select, Typography } from "antd";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useCommunities } from "@/lib/communities";
import { useSavePreferences, type Preferences, type ServiceKind, type VolunteerProfile } from "../api/profile";

/** The kinds of service the server takes (post categories, then need categories), in the order offered. */
export const SERVICE_KINDS: ServiceKind[] = [
  "policy",
  "patrol",
  "sanitation",
  "civility",
  "mediation",
  "hardship",
  "courtyard",
  "legal",
  "elderly",
  "children",
  "health",
  "environment",
  "culture",
  "safety",
  "other",
];

export function PreferencesCard({ profile }: { profile: VolunteerProfile }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Preferences>();
  const communities = useCommunities();
  const save = useSavePreferences(profile.id);
  const [error, setError] = useState<string | null>(null);

  const submit = (values: Preferences) => {
    setError(null);
    save.mutate(
      { preferred_kinds: values.preferred_kinds ?? [], preferred_communities: values.preferred_communities ?? [] },
      {
        onSuccess: () => void message.success(t("preferencesSaved")),
        onError: (e) => setError(applyServerErrors(form, e)),
      },
    );
  };

  return (
    <Card title={t("preferences")} data-testid="preferences-card">
      <Typography.Paragraph type="secondary">{t("preferencesHelp")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          preferred_kinds: profile.preferred_kinds ?? [],
          preferred_communities: profile.preferred_communities ?? [],
        }}
      >
        <Form.Item name="preferred_kinds" label={t("preferredKinds")}>
          <Select
            mode="multiple"
            allowClear
            aria-label={t("preferredKinds")}
            options={SERVICE_KINDS.map((kind) => ({ value: kind, label: enumLabel(t, "serviceKind", kind) }))}
            showSearch={{ optionFilterProp: "label" }}
          />
        </Form.Item>
        <Form.Item name="preferred_communities" label={t("preferredCommunities")}>
          <Select
            mode="multiple"
            allowClear
            aria-label={t("preferredCommunities")}
            loading={communities.isLoading}
            options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            showSearch={{ optionFilterProp: "label" }}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("savePreferences")}
        </Button>
      </Form>
    </Card>
  );
}
