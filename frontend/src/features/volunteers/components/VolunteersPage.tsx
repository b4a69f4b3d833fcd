// Volunteers: search by name or number; kind, community, skills and weekly hours; who has activated from the
// invitation (a filter, the count of the community or scope, 重发邀请, the community's QR sheet to print); a
// volunteer's profile and record open in a drawer.
import { App, Button, Popconfirm, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "@/lib/api";
import { useSession } from "@/lib/session";
import { SkillTags } from "@/components/SkillTags";
import { SimpleList } from "@/components/SimpleList";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useCommunities } from "@/lib/communities";
import {
  useActivationCounts,
  useInvitationSheet,
  useResendInvitation,
  useSkillOptions,
  useVolunteers,
  type Volunteer,
} from "../api/volunteers";
import { VolunteerDrawer } from "./VolunteerDrawer";

const KINDS = ["in_office", "non_post", "retired", "resident"];

export function VolunteersPage() {
  const { t, lang } = useI18n();
  const skills = useSkillOptions();
  const communities = useCommunities();
  const me = useSession();
  const { message, modal } = App.useApp();
  const [filters, setFilters] = useState<{
    kind?: string;
    skill?: string;
    available_on?: number;
    community?: number;
    activated?: string;
  }>({});
  const set = (name: keyof typeof filters) => (value: string | number | undefined) =>
    setFilters({ ...filters, [name]: value });
  const [open, setOpen] = useState<number | null>(null);
  const counts = useActivationCounts();
  const resend = useResendInvitation();
  const sheet = useInvitationSheet();
  const refused = (e: unknown) => {
    modal.error({ title: t("invitationRefused"), content: e instanceof ApiError ? e.message : String(e) });
  };

  // The community the counts and the QR sheet are for: the coordinator's own, the one filtered, or the scope's only one.
  const community =
    me.community ?? filters.community ?? (communities.data?.length === 1 ? communities.data[0].id : undefined);
  const counted = (counts.data ?? []).filter((row) => community === undefined || row.community === community);
  const activated = counted.reduce((sum, row) => sum + row.activated, 0);
  const total = counted.reduce((sum, row) => sum + row.volunteers, 0);
  return (
    <>
      <SimpleList<Volunteer>
        key={JSON.stringify(filters)}
        title={t("menuVolunteers")}
        useRows={useVolunteers}
        filters={filters}
        emptyText={t("volunteersEmpty")}
        extra={
          <Space wrap>
            {(communities.data?.length ?? 0) > 1 && (
              <Select
                allowClear
                placeholder={t("community")}
                style={{ width: 150 }}
                value={filters.community}
                onChange={set("community")}
                showSearch={{ optionFilterProp: "label" }}
                options={communities.data!.map((c) => ({ value: c.id, label: c.name }))}
              />
            )}
            <Select
              allowClear
              placeholder={t("kind")}
              style={{ width: 130 }}
              value={filters.kind}
              onChange={set("kind")}
              options={KINDS.map((k) => ({ value: k, label: enumLabel(t, "volKind", k) }))}
            />
            <Select
              allowClear
              placeholder={t("skills")}
              style={{ width: 140 }}
              value={filters.skill}
              onChange={set("skill")}
              showSearch={{ optionFilterProp: "label" }}
              loading={skills.isLoading}
              options={(skills.data?.results ?? []).map((s) => ({
                value: s.code,
                label: lang === "en" ? s.name_en || s.code : s.name,
              }))}
            />
            <Select
              allowClear
              placeholder={t("availableOn")}
              style={{ width: 120 }}
              value={filters.available_on}
              onChange={set("available_on")}
              options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: enumLabel(t, "weekday", d) }))}
            />
            <Select
              allowClear
              placeholder={t("activation")}
              style={{ width: 110 }}
              value={filters.activated}
              onChange={set("activated")}
              options={[
                { value: "true", label: t("activatedYes") },
                { value: "false", label: t("activatedNo") },
              ]}
            />
            {counts.data && (
              <Typography.Text type="secondary" data-testid="activation-count">
                {t("activationCount", { activated, total })}
              </Typography.Text>
            )}
            {community !== undefined && (
              <Popconfirm
                title={t("invitationSheetConfirm")}
                okText={t("confirm")}
                cancelText={t("cancel")}
                onConfirm={() =>
                  sheet.mutate(community, {
                    onSuccess: () => void message.success(t("invitationSheetDone")),
                    onError: refused,
                  })
                }
              >
                <Button loading={sheet.isPending}>{t("invitationSheet")}</Button>
              </Popconfirm>
            )}
          </Space>
        }
        columns={[
          { title: t("volunteerNumber"), dataIndex: "number" },
          {
            title: t("name"),
            dataIndex: "name",
            render: (name: string, row) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(row.id)}>
                {name}
              </Button>
            ),
          },
          { title: t("kind"), dataIndex: "kind", render: (_, v) => enumLabel(t, "volKind", v.kind) },
          { title: t("community"), dataIndex: "home_community_name" },
          { title: t("phone"), dataIndex: "phone_display" },
          {
            title: t("skills"),
            dataIndex: "skills",
            render: (skills: Record<string, number>) => <SkillTags skills={skills} />,
          },
          { title: t("maxHours"), dataIndex: "max_hours_per_week" },
          {
            title: t("activation"),
            dataIndex: "activated",
            render: (yes: boolean) =>
              yes ? <Tag color="blue">{t("activatedYes")}</Tag> : <Tag color="orange">{t("activatedNo")}</Tag>,
          },
          {
            title: t("actions"),
            render: (_, row) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setOpen(row.id)}>
                  {t("volunteerOpen")}
                </Button>
                {!row.activated && (
                  <Popconfirm
                    title={t("invitationResendConfirm", { name: row.name })}
                    okText={t("confirm")}
                    cancelText={t("cancel")}
                    onConfirm={() =>
                      resend.mutate(row.id, {
                        onSuccess: () => void message.success(t("invitationResent", { name: row.name })),
                        onError: refused,
                      })
                    }
                  >
                    <Button size="small">{t("invitationResend")}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {open !== null && <VolunteerDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}
