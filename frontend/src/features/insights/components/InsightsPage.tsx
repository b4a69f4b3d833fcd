// 趋势 (coordinators): the weeks in charts — seats filled, needs due closed in time or late, hours per community,
// fairness of hours, idle resources used — and the skills most often missing (what to recruit); the latest weeks
// and one community of the scope to choose.
import { Alert, Card, Col, Row, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { QuestionCircleOutlined } from "@ant-design/icons";
import ReactECharts from "echarts-for-react";
import { useState, type ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { enumLabel, useI18n, type MessageKey } from "@/lib/i18n";
import { useCommunities } from "@/lib/communities";
import {
  useFairness,
  useHoursByCommunity,
  useMissingSkills,
  useResourceUse,
  useWeekFigures,
  type InsightFilter,
  type MissingSkill,
} from "../api/insights";
import { fairnessOption, hoursOption, needsOption, resourceUseOption, seatsOption, unitUseRows } from "./chartOptions";

const WEEK_CHOICES = [4, 8, 12, 26, 52];
const CHART = { height: 300, width: "100%" };

/** A chart card: loading, the error, an empty state saying what to do, or the chart. */
function ChartCard<D>({
  title,
  query,
  empty,
  emptyText,
  option,
  extra,
}: {
  title: string;
  query: UseQueryResult<D>;
  empty: (data: D) => boolean;
  emptyText: string;
  option: (data: D) => object;
  extra?: ReactNode;
}) {
  let body: ReactNode;
  if (query.isError) body = <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  else if (!query.data) body = <Loading />;
  else if (empty(query.data)) body = <EmptyState text={emptyText} />;
  else body = <ReactECharts option={option(query.data)} style={CHART} notMerge />;
  return (
    <Card size="small" title={title} extra={extra}>
      {body}
    </Card>
  );
}

function MissingSkillsCard({ filter }: { filter: InsightFilter }) {
  const { t, lang } = useI18n();
  const skills = useMissingSkills(filter);
  return (
    <Card size="small" title={t("insMissing")} data-testid="missing-skills">
      <Typography.Paragraph type="secondary">{t("insMissingHelp")}</Typography.Paragraph>
      {skills.isError ? (
        <ErrorState error={skills.error} onRetry={() => skills.refetch()} />
      ) : (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Table<MissingSkill>
            rowKey="skill"
            size="small"
            loading={skills.isLoading}
            dataSource={skills.data?.skills}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 560 }}
            locale={{ emptyText: <EmptyState text={t("insMissingEmpty")} /> }}
            columns={[
              { title: t("insRank"), dataIndex: "rank", key: "rank", width: 64 },
              {
                title: t("insSkill"),
                key: "skill",
                render: (_v, s) => (lang === "en" && s.name_en ? s.name_en : s.name),
              },
              { title: t("insMissingSeats"), dataIndex: "seats", key: "seats", align: "right" },
              {
                title: t("insNobody"),
                key: "nobody",
                align: "right",
                render: (_v, s) => (s.seats_nobody_in_range ? <Tag color="red">{s.seats_nobody_in_range}</Tag> : 0),
              },
              { title: t("insShifts"), dataIndex: "shifts", key: "shifts", align: "right", responsive: ["md"] },
              {
                title: t("insCommunities"),
                dataIndex: "communities",
                key: "communities",
                align: "right",
                responsive: ["md"],
              },
              { title: t("insMaxLevel"), dataIndex: "max_level", key: "level", align: "right", responsive: ["md"] },
            ]}
          />
          {skills.data && (skills.data.seats_needing_no_skill > 0 || skills.data.seats_missing_a_room > 0) && (
            <Typography.Text type="secondary">
              {t("insNoSkillSeats", {
                seats: skills.data.seats_needing_no_skill,
                rooms: skills.data.seats_missing_a_room,
              })}
            </Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}

export function InsightsPage() {
  const { t } = useI18n();
  const tt = (key: string) => t(key as MessageKey);
  const global = useI18n().t;
  const [filter, setFilter] = useState<InsightFilter>({ weeks: 12 });
  const communities = useCommunities();
  const weeks = useWeekFigures(filter);
  const hours = useHoursByCommunity(filter);
  const fairness = useFairness(filter);
  const resources = useResourceUse(filter);
  const period = weeks.data?.period;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("insTitle")}
      </Typography.Title>
      <Space wrap>
        <Select
          aria-label={t("insWeeks")}
          value={filter.weeks}
          style={{ width: 140 }}
          options={WEEK_CHOICES.map((weeks) => ({ value: weeks, label: t("insWeeksOption", { weeks }) }))}
          onChange={(weeks) => setFilter({ ...filter, weeks })}
        />
        {(communities.data?.length ?? 0) > 1 && (
          <Select
            aria-label={t("insCommunity")}
            allowClear
            placeholder={t("insAllCommunities")}
            value={filter.community}
            style={{ width: 200 }}
            options={communities.data?.map((c) => ({ value: c.id, label: c.name }))}
            onChange={(community?: number) => setFilter({ ...filter, community })}
          />
        )}
      </Space>
      {period && weeks.data && (
        <Alert
          type="info"
          showIcon
          title={`${t("insHelp")} ${t("insPeriod", { start: period.start, end: period.last_day, scope: weeks.data.scope.name })}`}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t("insSeatsRate")}
            query={weeks}
            empty={(d) => d.weeks.every((w) => w.seats.total === 0)}
            emptyText={t("insSeatsEmpty")}
            option={(d) => seatsOption(tt, d.weeks)}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t("insNeeds")}
            query={weeks}
            empty={(d) => d.weeks.every((w) => w.needs.due === 0)}
            emptyText={t("insNeedsEmpty")}
            option={(d) => needsOption(tt, d.weeks)}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t("insHours")}
            query={hours}
            empty={(d) => d.total === 0}
            emptyText={t("insHoursEmpty")}
            option={hoursOption}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t("insFairness")}
            query={fairness}
            empty={(d) => d.overall.hours === 0}
            emptyText={t("insHoursEmpty")}
            option={(d) => fairnessOption(tt, d)}
            extra={
              <Tooltip title={t("insFairnessHelp")}>
                <QuestionCircleOutlined aria-label={t("insFairnessHelp")} />
              </Tooltip>
            }
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t("insResources")}
            query={resources}
            empty={(d) => d.total.offered_hours === 0 && d.total.booked_hours === 0}
            emptyText={t("insResourcesEmpty")}
            option={(d) => resourceUseOption(tt, unitUseRows(d, t("insOwnRooms")))}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t("insResourcesByCategory")}
            query={resources}
            empty={(d) => d.total.offered_hours === 0 && d.total.booked_hours === 0}
            emptyText={t("insResourcesEmpty")}
            option={(d) =>
              resourceUseOption(
                tt,
                d.by_category.map((c) => ({
                  label: enumLabel(global, "cat", c.category),
                  offered: c.offered_hours,
                  booked: c.booked_hours,
                })),
              )
            }
          />
        </Col>
      </Row>
      <MissingSkillsCard filter={filter} />
    </Space>
  );
}
