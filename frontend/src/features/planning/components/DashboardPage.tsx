// The coordinator's week at a glance: the newest finished run of the chosen week, its figures and charts; the app
// puts other features' sections (the needs' deadline counts) above them through `sections`.
import { Button, Card, DatePicker, Space, Tag, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { districtDay, mondayOf, nextMonday } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useRuns } from "../api/runs";
import { scopeName } from "../api/types";
import { LazyRunCharts as RunCharts } from "./LazyRunCharts";
import { RunSummary } from "./RunSummary";

export function DashboardPage({ sections }: { sections?: ReactNode } = {}) {
  const { t } = useI18n();
  const [week, setWeek] = useState(nextMonday());
  const runs = useRuns({ week, status: ["done"], page_size: 1 });
  const run = runs.data?.results[0];

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Space wrap align="center" style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("dashboardTitle")}
        </Typography.Title>
        <DatePicker
          picker="week"
          allowClear={false}
          value={districtDay(week)}
          onChange={(d) => d && setWeek(mondayOf(d))}
        />
      </Space>
      {sections}
      {runs.isLoading ? (
        <Loading />
      ) : runs.isError ? (
        <ErrorState error={runs.error} onRetry={() => runs.refetch()} />
      ) : !run ? (
        <EmptyState
          text={t("dashboardEmpty")}
          action={
            <Link to="/runs">
              <Button type="primary">{t("goToRuns")}</Button>
            </Link>
          }
        />
      ) : (
        <>
          <Card
            title={
              <Space wrap>
                {`${t("latestRun")}：${scopeName(run, t("district"))}`}
                <Tag>{t("runVersion", { version: run.version })}</Tag>
                {run.published && <Tag color="blue">{t("published")}</Tag>}
              </Space>
            }
            extra={<Link to={`/runs/${run.id}`}>{t("openRun")}</Link>}
          >
            <RunSummary run={run} />
          </Card>
          <RunCharts run={run} />
        </>
      )}
    </Space>
  );
}
