// One import run (/imports/:runId): the check of every row (nothing written yet), the columns as read, mapped again
// by hand and checked again if the suggestion was wrong, the confirmation or the cancellation; then the worker's
// progress, the counts written and (volunteers) the invitations sent. The bad rows are listed, and downloadable as a
// report, at every stage. Our columns' names come from the server, in the language of the request.
import { DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Progress, Row, Select, Space, Statistic, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorState, Loading } from "@/components/PageState";
import { ApiError } from "@/lib/api";
import { enumLabel, useI18n, type Translate } from "@/lib/i18n";
import {
  importReportUrl,
  invitesAccounts,
  isInviting,
  isWriting,
  useCancelImport,
  useConfirmImport,
  useImportRun,
  useMapImport,
  type ImportRun,
} from "../api/imports";
import { ImportStatusTag } from "./ImportStatusTag";

type Problem = ImportRun["problems"][number];
const PROBLEMS_SHOWN = 500; // the server sends the first 500; the report has every one

/** Our column's header as the server names it (a column it does not list stays as it is). */
const columnLabel = (run: ImportRun, column: string) =>
  run.columns.find((ours) => ours.name === column)?.label ?? column;

export function ImportRunPage() {
  const { t } = useI18n();
  const id = Number(useParams().runId);
  const run = useImportRun(id);
  if (run.isError) return <ErrorState error={run.error} onRetry={() => run.refetch()} />;
  if (!run.data) return <Loading />;
  return <ImportRunView run={run.data} key={run.data.id} t={t} />;
}

function ImportRunView({ run, t }: { run: ImportRun; t: Translate }) {
  const checked = run.status === "checked";
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Link to="/imports">{t("importBack")}</Link>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {run.file_name}
        </Typography.Title>
        <Tag>{enumLabel(t, "importKind", run.kind)}</Tag>
        <ImportStatusTag status={run.status} />
      </Space>
      <Typography.Text type="secondary">
        {t("importRowsTotal", { rows: run.rows_total, line: run.header_line })}
      </Typography.Text>
      {checked ? <Preview run={run} /> : <Outcome run={run} />}
      {checked && <Mapping run={run} />}
      <Problems run={run} />
    </Space>
  );
}

function Preview({ run }: { run: ImportRun }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const confirm = useConfirmImport(run.id);
  const cancel = useCancelImport(run.id);
  const { create, update, unchanged, bad, missing_columns: missing = [] } = run.preview;
  const refused = (error: unknown) => {
    modal.error({
      title: t("importActionRefused"),
      content: error instanceof ApiError ? error.message : String(error),
    });
  };
  const ask = () => {
    modal.confirm({
      title: t("importConfirm"),
      content: t("importConfirmText", { create, update, bad }),
      onOk: () =>
        confirm.mutateAsync().then(() => {
          message.success(t("importConfirmed"));
        }, refused),
    });
  };
  const askCancel = () => {
    modal.confirm({
      title: t("importCancel"),
      content: t("importCancelText"),
      okButtonProps: { danger: true },
      onOk: () =>
        cancel.mutateAsync().then(() => {
          message.success(t("importCancelDone"));
        }, refused),
    });
  };
  return (
    <Card title={t("importPreviewTitle")} data-testid="import-preview">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Row gutter={16}>
          <Col xs={12} sm={6}>
            <Statistic title={t("importToCreate")} value={create} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t("importToUpdate")} value={update} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t("importUnchanged")} value={unchanged} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t("importBad")} value={bad} />
          </Col>
        </Row>
        {missing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t("importMissing", { columns: missing.map((column) => columnLabel(run, column)).join("、") })}
          />
        )}
        <Space wrap>
          <Button
            type="primary"
            onClick={ask}
            loading={confirm.isPending}
            disabled={missing.length > 0 || create + update === 0}
          >
            {create + update === 0 ? t("importNothingToWrite") : t("importConfirm")}
          </Button>
          <Button danger onClick={askCancel} loading={cancel.isPending}>
            {t("importCancel")}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

function Outcome({ run }: { run: ImportRun }) {
  const { t } = useI18n();
  const writing = isWriting(run.status);
  return (
    <Card title={writing ? t("importProgressTitle") : t("importResultTitle")} data-testid="import-outcome">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        {writing && (
          <>
            <Progress percent={run.progress} status="active" aria-label={t("importProgressTitle")} />
            <Typography.Text>
              {run.stage ? `${run.stage} · ` : ""}
              {t("importProgressText", { done: run.rows_done, total: run.rows_total })}
            </Typography.Text>
          </>
        )}
        {run.status === "failed" && (
          <Alert type="error" showIcon role="alert" title={t("importFailed", { message: run.message })} />
        )}
        {run.status === "cancelled" && (
          <Alert type="info" showIcon title={t("importCancelledText", { message: run.message })} />
        )}
        <Row gutter={16}>
          <Col xs={12} sm={6}>
            <Statistic title={t("importCreated")} value={run.created} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t("importUpdated")} value={run.updated} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t("importUnchanged")} value={run.unchanged} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t("importBad")} value={run.bad} />
          </Col>
        </Row>
        {run.status === "done" && invitesAccounts(run.kind) && (
          <Statistic title={t("importInvited")} value={run.invited} suffix={`/ ${run.created}`} />
        )}
        {isInviting(run) && <Typography.Text type="secondary">{t("importInviting")}</Typography.Text>}
      </Space>
    </Card>
  );
}

function Mapping({ run }: { run: ImportRun }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const map = useMapImport(run.id);
  const [mapping, setMapping] = useState<Record<string, number>>(run.mapping);
  // The server's mapping, once it changes (a recheck), replaces what was chosen here: set while rendering, not in an
  // effect, so that no render shows the old choice beside the new check.
  const [serverMapping, setServerMapping] = useState(run.mapping);
  if (run.mapping !== serverMapping) {
    setServerMapping(run.mapping);
    setMapping(run.mapping);
  }
  const changed = JSON.stringify(mapping) !== JSON.stringify(run.mapping);
  const sheetColumns = useMemo(
    () =>
      run.headers.map((header, index) => ({
        value: index,
        label: t("importSheetColumnLabel", { n: index + 1, header: header || "—" }),
      })),
    [run.headers, t],
  );
  const choose = (column: string, index: number | undefined) => {
    const next = { ...mapping };
    if (index === undefined) delete next[column];
    else next[column] = index;
    setMapping(next);
  };
  const recheck = () =>
    map.mutate(mapping, {
      onSuccess: () => void message.success(t("importRechecked")),
      onError: (error) =>
        void modal.error({
          title: t("importActionRefused"),
          content: error instanceof ApiError ? error.message : String(error),
        }),
    });
  return (
    <Card
      title={t("importMappingTitle")}
      data-testid="import-mapping"
      extra={
        <Button onClick={recheck} disabled={!changed} loading={map.isPending}>
          {t("importRecheck")}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t("importMappingHelp")}</Typography.Paragraph>
      <Table
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={run.columns}
        columns={[
          {
            title: t("importOurColumn"),
            dataIndex: "name",
            render: (_, column) => (
              <Space>
                {column.label}
                {column.required && <Tag color="red">{t("importRequired")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("importSheetColumn"),
            key: "sheet",
            render: (_, column) => (
              <Select<number>
                allowClear
                style={{ minWidth: 220 }}
                placeholder={t("importNotMapped")}
                aria-label={column.label}
                value={mapping[column.name]}
                onChange={(index) => choose(column.name, index)}
                options={sheetColumns}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

function Problems({ run }: { run: ImportRun }) {
  const { t } = useI18n();
  const bad = run.status === "checked" ? run.preview.bad : run.bad;
  return (
    <Card
      title={t("importProblemsTitle")}
      data-testid="import-problems"
      extra={
        bad > 0 && (
          <Space>
            <Button size="small" icon={<DownloadOutlined />} href={importReportUrl(run.id, "xlsx")}>
              {t("importReport")} (XLSX)
            </Button>
            <Button size="small" icon={<DownloadOutlined />} href={importReportUrl(run.id, "csv")}>
              CSV
            </Button>
          </Space>
        )
      }
    >
      {run.problems.length >= PROBLEMS_SHOWN && (
        <Typography.Paragraph type="secondary">
          {t("importProblemsMore", { shown: PROBLEMS_SHOWN })}
        </Typography.Paragraph>
      )}
      <Table<Problem>
        rowKey={(problem) => `${problem.row}:${problem.column}:${problem.reason}`}
        size="small"
        dataSource={run.problems}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t("importNoProblems") }}
        columns={[
          { title: t("importRow"), dataIndex: "row", width: 80 },
          {
            title: t("importColumn"),
            dataIndex: "column",
            width: 160,
            render: (column: string) => columnLabel(run, column),
          },
          { title: t("importReason"), dataIndex: "reason" },
        ]}
      />
    </Card>
  );
}
