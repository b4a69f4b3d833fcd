// A volunteer's profile and record for coordinators (志愿者档案): the profile as the server gives it (phone masked),
// skills with their verification (核验, revoke), the weekly availability (read-only), consents read-only with their
// history (only the volunteer changes them), posts held, this week's seats in published plans, and the service
// records with their hours. Opened from the volunteers list.
import { Badge, Card, Descriptions, Drawer, Empty, Space, Statistic, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { ErrorState, Loading } from "@/components/PageState";
import { SkillTags } from "@/components/SkillTags";
import { districtYear, formatDateTime, formatSpan, mondayOf } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import {
  useVolunteer,
  useVolunteerAvailability,
  useVolunteerConsentHistory,
  useVolunteerHoldings,
  useVolunteerRecords,
  useVolunteerWeekAssignments,
  type AvailabilityRow,
  type VolunteerRecord,
} from "../api/volunteers";
import { SkillVerificationPanel } from "./SkillVerificationPanel";

/** Approved hours in all and this year; entries still waiting for review. */
export function recordTotals(records: Pick<VolunteerRecord, "status" | "hours" | "date">[], year = districtYear()) {
  const approved = records.filter((r) => r.status === "approved");
  const sum = (rows: typeof records) => Math.round(rows.reduce((total, r) => total + r.hours, 0) * 10) / 10;
  return {
    hours: sum(approved),
    yearHours: sum(approved.filter((r) => r.date.startsWith(`${year}-`))),
    pending: records.filter((r) => r.status === "pending").length,
  };
}

function AvailabilityGrid({ rows }: { rows: AvailabilityRow[] }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={2} style={{ width: "100%" }} data-testid="volunteer-availability">
      {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
        const spans = rows
          .filter((r) => r.weekday === weekday)
          .sort((a, b) => a.start_time.localeCompare(b.start_time));
        return (
          <Space key={weekday} size={4} wrap>
            <Typography.Text style={{ display: "inline-block", width: 48 }}>
              {enumLabel(t, "weekday", weekday)}
            </Typography.Text>
            {spans.length ? (
              spans.map((r) => (
                <Tag key={r.id} color="green">{`${r.start_time.slice(0, 5)}–${r.end_time.slice(0, 5)}`}</Tag>
              ))
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            )}
          </Space>
        );
      })}
    </Space>
  );
}

function ConsentHistory({ id }: { id: number }) {
  const { t } = useI18n();
  const history = useVolunteerConsentHistory(id);
  const names = { consent_rank_name: t("consentRankShort"), consent_share_with_unit: t("consentUnitShort") };
  if (history.isError) return <ErrorState error={history.error} />;
  return (
    <Space orientation="vertical" size={4} style={{ width: "100%" }} data-testid="volunteer-consent-history">
      <Typography.Text type="secondary">{t("consentOwnNote")}</Typography.Text>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={history.isLoading}
        dataSource={history.data}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("consentHistoryEmpty")} /> }}
        columns={[
          { title: t("time"), dataIndex: "changed_at", render: (at: string) => formatDateTime(at) },
          {
            title: t("consentHistory"),
            render: (_, c) =>
              t(c.new_value ? "consentHistoryGiven" : "consentHistoryWithdrawn", { consent: names[c.consent] }),
          },
          {
            title: t("consentChangedBy"),
            render: (_, c) => (c.by_volunteer ? t("consentByVolunteer") : (c.changed_by ?? "—")),
          },
        ]}
      />
    </Space>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title}>
      {children}
    </Card>
  );
}

export function VolunteerDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useI18n();
  const volunteer = useVolunteer(id);
  const availability = useVolunteerAvailability(id);
  const holdings = useVolunteerHoldings(id);
  const week = mondayOf();
  const assignments = useVolunteerWeekAssignments(id, week);
  const records = useVolunteerRecords(id);
  const v = volunteer.data;
  const totals = recordTotals(records.data ?? []);
  const yes = (flag: boolean) => <Badge status={flag ? "success" : "default"} text={flag ? t("yes") : t("no")} />;

  return (
    <Drawer open onClose={onClose} size="large" title={v ? `${v.name} · ${v.number}` : t("volunteerProfile")}>
      <div data-testid="volunteer-drawer">
        {volunteer.isLoading ? (
          <Loading />
        ) : volunteer.isError ? (
          <ErrorState error={volunteer.error} onRetry={() => volunteer.refetch()} />
        ) : (
          v && (
            <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
                <Descriptions.Item label={t("kind")}>{enumLabel(t, "volKind", v.kind)}</Descriptions.Item>
                <Descriptions.Item label={t("community")}>{v.home_community_name}</Descriptions.Item>
                <Descriptions.Item label={t("phone")}>{v.phone_display || "—"}</Descriptions.Item>
                <Descriptions.Item label={t("employerUnit")}>{v.employer_unit_name ?? "—"}</Descriptions.Item>
                <Descriptions.Item label={t("maxHours")}>{v.max_hours_per_week}</Descriptions.Item>
                <Descriptions.Item label={t("status")}>
                  {v.active ? t("volunteerActive") : t("volunteerInactive")}
                </Descriptions.Item>
                <Descriptions.Item label={t("consentRankShort")}>{yes(v.consent_rank_name)}</Descriptions.Item>
                <Descriptions.Item label={t("consentUnitShort")}>{yes(v.consent_share_with_unit)}</Descriptions.Item>
                <Descriptions.Item label={t("skills")} span={2}>
                  {v.skills && Object.keys(v.skills).length ? <SkillTags skills={v.skills} /> : "—"}
                </Descriptions.Item>
              </Descriptions>

              <Section title={t("skillVerifyTitle")}>
                <SkillVerificationPanel volunteer={v} />
              </Section>

              <Section title={t("consentHistory")}>
                <ConsentHistory id={id} />
              </Section>

              <Section title={t("volunteerAvailability")}>
                {availability.isError ? (
                  <ErrorState error={availability.error} />
                ) : availability.isLoading ? (
                  <Loading />
                ) : availability.data!.length ? (
                  <AvailabilityGrid rows={availability.data!} />
                ) : (
                  <Typography.Text type="secondary">{t("volunteerNoAvailability")}</Typography.Text>
                )}
              </Section>

              <Section title={t("volunteerPosts")}>
                {holdings.isError ? (
                  <ErrorState error={holdings.error} />
                ) : (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    loading={holdings.isLoading}
                    dataSource={holdings.data}
                    locale={{
                      emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("volunteerNoPosts")} />,
                    }}
                    columns={[
                      { title: t("post"), dataIndex: "post_name" },
                      { title: t("year"), dataIndex: "year" },
                      {
                        title: t("status"),
                        dataIndex: "status",
                        render: (s: string) => <Tag>{enumLabel(t, "holdingStatus", s)}</Tag>,
                      },
                    ]}
                  />
                )}
              </Section>

              <Section title={t("volunteerThisWeek", { date: week })}>
                {assignments.isError ? (
                  <ErrorState error={assignments.error} />
                ) : (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    loading={assignments.isLoading}
                    dataSource={assignments.data}
                    locale={{
                      emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("volunteerNoWeek")} />,
                    }}
                    columns={[
                      { title: t("time"), render: (_, a) => formatSpan(a.shift_start, a.shift_end) },
                      { title: t("shift"), dataIndex: "shift_title" },
                      { title: t("community"), dataIndex: "community_name" },
                    ]}
                  />
                )}
              </Section>

              <Section title={t("volunteerRecords")}>
                {records.isError ? (
                  <ErrorState error={records.error} />
                ) : (
                  <Space orientation="vertical" style={{ width: "100%" }}>
                    <Space size="large" wrap>
                      <Statistic
                        title={t("volunteerHoursAll")}
                        value={totals.hours}
                        suffix={t("hours")}
                        data-testid="volunteer-hours"
                      />
                      <Statistic title={t("volunteerHoursYear")} value={totals.yearHours} suffix={t("hours")} />
                      <Statistic title={t("volunteerPendingRecords")} value={totals.pending} />
                    </Space>
                    <Table
                      size="small"
                      rowKey="id"
                      loading={records.isLoading}
                      dataSource={records.data}
                      scroll={{ x: 560 }}
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      locale={{
                        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("volunteerNoRecords")} />,
                      }}
                      columns={[
                        { title: t("date"), dataIndex: "date" },
                        { title: t("name"), dataIndex: "title" },
                        { title: t("hours"), dataIndex: "hours" },
                        {
                          title: t("status"),
                          dataIndex: "status",
                          render: (s: string) => <Tag>{enumLabel(t, "recordStatus", s)}</Tag>,
                        },
                      ]}
                    />
                  </Space>
                )}
              </Section>
            </Space>
          )
        )}
      </div>
    </Drawer>
  );
}
