// A coordinator's check of a volunteer's skills (技能核验): each claimed level beside the level verified, with 核验
// (a level and a note or certificate reference) and 撤销核验. Skills that need verification count for matching
// only once verified; the server refuses what is not the coordinator's (403) or not in their scope (404).
import { Alert, App, Button, Form, Input, InputNumber, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { FormModal } from "@/components/FormModal";
import { formatDate } from "@/lib/format";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useSkillNames } from "@/lib/skills";
import {
  useRevokeSkill,
  useSkillOptions,
  useVerifySkill,
  type VerifySkillInput,
  type Volunteer,
} from "../api/volunteers";

interface Row {
  code: string;
  claimed: number;
}

function VerifyModal({ volunteer, row, onClose }: { volunteer: Volunteer; row: Row; onClose: () => void }) {
  const { t } = useI18n();
  const name = useSkillNames();
  const [form] = Form.useForm<Omit<VerifySkillInput, "skill">>();
  const verify = useVerifySkill(volunteer.id);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const current = volunteer.verified_skills?.find((v) => v.skill === row.code);
  const submit = (values: Omit<VerifySkillInput, "skill">) => {
    setError(null);
    verify.mutate(
      { skill: row.code, level: values.level, note: values.note ?? "" },
      {
        onSuccess: () => {
          message.success(t("skillVerified"));
          onClose();
        },
        onError: (e) => setError(applyServerErrors(form, e)),
      },
    );
  };
  return (
    <FormModal
      form={form}
      title={t("skillVerifyModal", { skill: name(row.code) })}
      saving={verify.isPending}
      onCancel={onClose}
      width={480}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ level: current?.level ?? row.claimed, note: current?.note ?? "" }}
        data-testid="verify-skill-form"
      >
        <Typography.Paragraph type="secondary">{t("skillClaimedLevel", { level: row.claimed })}</Typography.Paragraph>
        <Form.Item
          name="level"
          label={t("skillVerifyLevel")}
          rules={[{ required: true, type: "number", min: 1, max: 5, message: t("levelInvalid") }]}
        >
          <InputNumber min={1} max={5} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="note" label={t("skillVerifyNote")} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </FormModal>
  );
}

export function SkillVerificationPanel({ volunteer }: { volunteer: Volunteer }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const name = useSkillNames();
  const catalogue = useSkillOptions();
  const revoke = useRevokeSkill(volunteer.id);
  const [open, setOpen] = useState<Row | null>(null);
  const needsVerification = (code: string) =>
    !!catalogue.data?.results.find((s) => s.code === code)?.requires_verification;
  const rows: Row[] = Object.entries(volunteer.skills ?? {}).map(([code, claimed]) => ({ code, claimed }));
  // Left out of the profile only for unit representatives, who do not see this panel.
  const verifiedSkills = volunteer.verified_skills ?? [];

  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="skill-verification">
      <Typography.Text type="secondary">{t("skillVerifyHelp")}</Typography.Text>
      <Table<Row>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t("skillVerifyNone") }}
        columns={[
          {
            title: t("skills"),
            render: (_, row) => (
              <Space size={4} wrap>
                {name(row.code)}
                {needsVerification(row.code) && <Tag color="orange">{t("skillNeedsVerification")}</Tag>}
              </Space>
            ),
          },
          { title: t("level"), render: (_, row) => t("skillClaimedLevel", { level: row.claimed }) },
          {
            title: t("skillVerified"),
            render: (_, row) => {
              const v = verifiedSkills.find((x) => x.skill === row.code);
              if (!v) return "—";
              return (
                <Space orientation="vertical" size={0}>
                  <Tag color="green">{t("skillVerifiedLevel", { level: v.level })}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("skillVerifyBy", { name: v.verified_by ?? "—", date: formatDate(v.verified_at) })}
                    {v.note ? ` · ${v.note}` : ""}
                  </Typography.Text>
                </Space>
              );
            },
          },
          {
            title: t("actions"),
            render: (_, row) => {
              const verified = verifiedSkills.some((x) => x.skill === row.code);
              return (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setOpen(row)}>
                    {verified ? t("skillReverify") : t("skillVerify")}
                  </Button>
                  {verified && (
                    <Popconfirm
                      title={t("skillRevokeConfirm", { skill: name(row.code) })}
                      okText={t("confirm")}
                      cancelText={t("cancel")}
                      onConfirm={() =>
                        revoke.mutate(row.code, {
                          onSuccess: () => void message.success(t("skillRevoked")),
                          onError: (e) =>
                            void modal.error({
                              title: t("refused"),
                              content: e instanceof Error ? e.message : String(e),
                            }),
                        })
                      }
                    >
                      <Button type="link" danger size="small">
                        {t("skillRevoke")}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {open && <VerifyModal volunteer={volunteer} row={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}
