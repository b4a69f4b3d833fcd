// 年度考评: coordinators pick a year, compute, read the ranking (score, grade, appraisal satisfaction), open a unit's
// breakdown, enter the figures the ledgers lack and export the table; a unit representative reads their own row.
import { Alert, Button, Card, DatePicker, Space, Table, Typography } from "antd";
import { CalculatorOutlined, DownloadOutlined } from "@ant-design/icons";
import { useState } from "react";
import { EmptyState, ErrorState } from "@/components/PageState";
import { districtDay, districtYear, formatDateTime } from "@/lib/format";
import { isCoordinator, useSession } from "@/lib/session";
import {
  evaluationExportUrl,
  useComputeEvaluations,
  useEvaluationInputs,
  useEvaluations,
  type EvaluationInput,
  type UnitEvaluation,
} from "../api/evaluations";
import { useI18n } from "@/lib/i18n";
import { EvaluationDetailDrawer } from "./EvaluationDetailDrawer";
import { EvaluationInputForm } from "./EvaluationInputForm";
import { GradeTag, percent } from "./GradeTag";

function InputsCard({ year }: { year: number }) {
  const { t } = useI18n();
  const inputs = useEvaluationInputs(year);
  return (
    <Card title={t("evalInputs")}>
      <Typography.Paragraph type="secondary">{t("evalInputsHelp")}</Typography.Paragraph>
      <EvaluationInputForm year={year} />
      <Table<EvaluationInput>
        style={{ marginTop: 16 }}
        rowKey="id"
        size="small"
        loading={inputs.isLoading}
        dataSource={inputs.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 560 }}
        locale={{ emptyText: <EmptyState text={t("evalInputsEmpty", { year })} /> }}
        columns={[
          { title: t("evalInputUnit"), dataIndex: "unit_name", key: "unit" },
          { title: t("evalInputMeasure"), key: "measure", render: (_v, row) => t(`evalMeasure_${row.measure}`) },
          { title: t("evalInputValue"), dataIndex: "value", key: "value", align: "right" },
          { title: t("evalInputNote"), dataIndex: "note", key: "note" },
          {
            title: t("evalInputBy"),
            key: "by",
            render: (_v, row) => `${row.entered_by ?? "—"} · ${formatDateTime(row.entered_at)}`,
          },
        ]}
      />
    </Card>
  );
}

export function EvaluationPage() {
  const { t } = useI18n();
  const me = useSession();
  const coordinator = isCoordinator(me);
  const [year, setYear] = useState(districtYear);
  const [open, setOpen] = useState<number | null>(null);
  const rows = useEvaluations(year);
  const compute = useComputeEvaluations();

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("evalTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {coordinator ? t("evalHelpCoordinator") : t("evalHelpUnit")}
      </Typography.Paragraph>
      <Space wrap>
        <span>{t("evalYear")}</span>
        <DatePicker
          picker="year"
          allowClear={false}
          aria-label={t("evalYear")}
          value={districtDay(`${year}-01-01`)}
          disabledDate={(day) => day.year() > districtYear() || day.year() < 2000}
          onChange={(day) => {
            if (day) setYear(day.year());
            compute.reset();
          }}
        />
        {coordinator && (
          <Button
            type="primary"
            icon={<CalculatorOutlined />}
            loading={compute.isPending}
            onClick={() => compute.mutate(year)}
          >
            {t("evalCompute")}
          </Button>
        )}
        <Button icon={<DownloadOutlined />} href={evaluationExportUrl(year, "csv")} disabled={!rows.data?.length}>
          {t("evalExportCsv")}
        </Button>
        <Button icon={<DownloadOutlined />} href={evaluationExportUrl(year, "xlsx")} disabled={!rows.data?.length}>
          {t("evalExportXlsx")}
        </Button>
      </Space>
      {compute.isSuccess && (
        <Alert
          type="success"
          showIcon
          title={t("evalComputed", { count: compute.data.computed, year: compute.data.year })}
        />
      )}
      {compute.isError && <Alert type="error" showIcon title={compute.error.message} />}
      {rows.isError ? (
        <ErrorState error={rows.error} onRetry={() => rows.refetch()} />
      ) : (
        <Table<UnitEvaluation>
          rowKey="id"
          size="small"
          loading={rows.isLoading}
          dataSource={rows.data}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: "max-content" }}
          locale={{
            emptyText: (
              <EmptyState text={coordinator ? t("evalEmptyCoordinator", { year }) : t("evalEmptyUnit", { year })} />
            ),
          }}
          columns={[
            { title: t("evalRank"), dataIndex: "rank", key: "rank", width: 64 },
            { title: t("evalUnit"), dataIndex: "unit_name", key: "unit" },
            { title: t("evalCommunity"), dataIndex: "community_name", key: "community", responsive: ["md"] },
            { title: t("evalGrade"), key: "grade", render: (_v, row) => <GradeTag row={row} /> },
            {
              title: t("evalScore"),
              key: "score",
              align: "right",
              render: (_v, row) => <Typography.Text strong>{row.score.toFixed(2)}</Typography.Text>,
            },
            {
              title: t("evalAppraisal"),
              key: "appraisal",
              render: (_v, row) =>
                row.appraisal_rate === null ? (
                  <Typography.Text type="secondary">{t("evalNoAppraisal")}</Typography.Text>
                ) : (
                  `${percent(row.appraisal_rate)}（${t("evalAppraisalCount", { count: row.appraisal_count })}）`
                ),
            },
            {
              title: "",
              key: "open",
              render: (_v, row) => (
                <Button size="small" onClick={() => setOpen(row.id)}>
                  {t("evalDetail")}
                </Button>
              ),
            },
          ]}
        />
      )}
      {coordinator && <InputsCard year={year} />}
      <EvaluationDetailDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
