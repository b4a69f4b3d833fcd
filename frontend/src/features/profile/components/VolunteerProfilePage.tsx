// The volunteer's own profile: skills and levels (their claims, with what a coordinator verified), weekly limits,
// consents with their history, service preferences, weekly availability (a grid) and the days they are away.
import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Select, Space, Tag, Typography } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useState } from "react";
import { ErrorState, Loading } from "@/components/PageState";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import {
  useAvailability,
  useProfile,
  useReplaceAvailability,
  useSaveProfile,
  useSkills,
  type Skill,
  type VolunteerProfile,
} from "../api/profile";
import { BlackoutsCard } from "./BlackoutsCard";
import { ConsentCard } from "./ConsentCard";
import { PreferencesCard } from "./PreferencesCard";
import { gridFrom, windowsFrom, type Grid } from "./weekGrid";
import { WeekGridPicker } from "./WeekGridPicker";

interface Values {
  skills: { code?: string; level?: number }[];
  max_hours_per_week: number;
  max_distance_km: number | null;
}

/** What a claimed skill counts for: verified (up to that level), waiting for verification, or a claim. */
export function SkillClaimTag({
  code,
  profile,
  catalogue,
}: {
  code?: string;
  profile: VolunteerProfile;
  catalogue: Skill[];
}) {
  const { t } = useI18n();
  if (!code) return null;
  const verified = profile.verified_skills?.find((v) => v.skill === code);
  if (verified) return <Tag color="green">{t("skillVerifiedLevel", { level: verified.level })}</Tag>;
  if (catalogue.find((s) => s.code === code)?.requires_verification)
    return <Tag color="orange">{t("skillNeedsVerification")}</Tag>;
  return <Tag>{t("skillClaimed")}</Tag>;
}

function ProfileForm({ profile }: { profile: VolunteerProfile }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const skills = useSkills();
  const save = useSaveProfile(profile.id);
  const [error, setError] = useState<string | null>(null);

  const submit = (values: Values) => {
    setError(null);
    const chosen = Object.fromEntries(values.skills.filter((s) => s.code).map((s) => [s.code!, s.level ?? 1]));
    save.mutate(
      {
        skills: chosen,
        max_hours_per_week: values.max_hours_per_week,
        max_distance_km: values.max_distance_km ?? null,
      },
      { onSuccess: () => void message.success(t("saved")), onError: (e) => setError(applyServerErrors(form, e)) },
    );
  };

  const options = (skills.data ?? []).map((s) => ({
    value: s.code,
    label: lang === "en" ? s.name_en || s.code : s.name,
  }));
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      data-testid="profile-form"
      initialValues={{
        skills: Object.entries(profile.skills ?? {}).map(([code, level]) => ({ code, level })),
        max_hours_per_week: profile.max_hours_per_week,
        max_distance_km: profile.max_distance_km,
      }}
    >
      <Typography.Text strong>{t("skills")}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t("skillsClaimHelp")}
      </Typography.Paragraph>
      <Form.List name="skills">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item
                  style={{ marginBottom: 8 }}
                  name={[field.name, "code"]}
                  rules={[{ required: true, message: t("skillRequired") }]}
                >
                  <Select
                    options={options}
                    style={{ width: 180 }}
                    showSearch={{ optionFilterProp: "label" }}
                    loading={skills.isLoading}
                  />
                </Form.Item>
                <Form.Item
                  style={{ marginBottom: 8 }}
                  name={[field.name, "level"]}
                  rules={[{ required: true, type: "number", min: 1, max: 5, message: t("levelInvalid") }]}
                >
                  <InputNumber min={1} max={5} precision={0} addonBefore={t("level")} style={{ width: 130 }} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() => (
                    <SkillClaimTag
                      code={form.getFieldValue(["skills", field.name, "code"]) as string | undefined}
                      profile={profile}
                      catalogue={skills.data ?? []}
                    />
                  )}
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t("remove")}
                />
              </Space>
            ))}
            <Form.Item>
              <Button icon={<PlusOutlined />} onClick={() => add({ level: 1 })}>
                {t("addSkill")}
              </Button>
            </Form.Item>
          </div>
        )}
      </Form.List>
      <Space wrap size="large">
        <Form.Item
          name="max_hours_per_week"
          label={t("maxHours")}
          rules={[{ required: true, type: "number", min: 0, max: 60, message: t("hoursInvalid") }]}
        >
          <InputNumber precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="max_distance_km"
          label={t("maxDistance")}
          rules={[{ type: "number", min: 0, message: t("distanceInvalid") }]}
        >
          <InputNumber style={{ width: 120 }} />
        </Form.Item>
      </Space>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t("save")}
      </Button>
    </Form>
  );
}

function AvailabilityCard({ volunteer }: { volunteer: number }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const rows = useAvailability(volunteer);
  const replace = useReplaceAvailability(volunteer);
  const [grid, setGrid] = useState<Grid | null>(() => (rows.data ? gridFrom(rows.data) : null));
  // The saved windows, once they arrive or change (a save), replace the grid: set while rendering, not in an effect.
  const [savedRows, setSavedRows] = useState(rows.data);
  if (rows.data && rows.data !== savedRows) {
    setSavedRows(rows.data);
    setGrid(gridFrom(rows.data));
  }

  if (rows.isError) return <ErrorState error={rows.error} onRetry={() => rows.refetch()} />;
  return (
    <Card title={t("availability")} extra={<Typography.Text type="secondary">{t("availabilityHelp")}</Typography.Text>}>
      {!grid ? (
        <Loading />
      ) : (
        <>
          <WeekGridPicker value={grid} onChange={setGrid} />
          <Button
            type="primary"
            style={{ marginTop: 16 }}
            loading={replace.isPending}
            onClick={() =>
              replace.mutate(
                { old: rows.data ?? [], windows: windowsFrom(grid) },
                {
                  onSuccess: () => void message.success(t("availabilitySaved")),
                  onError: (e) =>
                    void modal.error({ title: t("refused"), content: e instanceof Error ? e.message : String(e) }),
                },
              )
            }
          >
            {t("saveAvailability")}
          </Button>
        </>
      )}
    </Card>
  );
}

export function VolunteerProfilePage() {
  const { t } = useI18n();
  const me = useSession();
  const profile = useProfile(me.volunteer ?? 0);
  if (!me.volunteer) return <Alert type="warning" title={t("noVolunteerRecord")} />;
  if (profile.isLoading) return <Loading />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => profile.refetch()} />;
  const p = profile.data!;
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%", maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("profileTitle")}
      </Typography.Title>
      <Card>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t("volunteerNumber")}>{p.number}</Descriptions.Item>
          <Descriptions.Item label={t("name")}>{p.name}</Descriptions.Item>
          <Descriptions.Item label={t("community")}>{p.home_community_name}</Descriptions.Item>
          <Descriptions.Item label={t("phone")}>{p.phone_display}</Descriptions.Item>
          {p.employer_unit_name && <Descriptions.Item label={t("employer")}>{p.employer_unit_name}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card>
        <ProfileForm profile={p} />
      </Card>
      <ConsentCard profile={p} />
      <PreferencesCard profile={p} />
      <AvailabilityCard volunteer={p.id} />
      <BlackoutsCard volunteer={p.id} />
    </Space>
  );
}
