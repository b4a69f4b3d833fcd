// 单位反馈报告: a unit representative reads their unit's quarterly reports; a coordinator reads the units of their
// scope and can have a quarter written now (queued: the list fills as the worker writes).
import { Alert, Button, Card, Form, InputNumber, Select, Space, Table, Typography } from "antd";
import { FilePdfOutlined, FileExcelOutlined, ReloadOutlined } from "@ant-design/icons";
import { useState } from "react";
import { EmptyState, ErrorState } from "@/components/PageState";
import { applyServerErrors } from "@/lib/forms";
import { districtNow, formatDateTime } from "@/lib/format";
import { isCoordinator, useSession } from "@/lib/session";
import {
  quarterStart,
  useFeedbackReports,
  useWriteFeedback,
  type FeedbackReport,
  type FeedbackWriteResult,
} from "../api/feedback";
import { useI18n } from "@/lib/i18n";

interface WriteValues {
  year?: number;
  quarter?: number;
}

export function FeedbackWriteForm() {
  const { t } = useI18n();
  const [form] = Form.useForm<WriteValues>();
  const write = useWriteFeedback();
  const [alert, setAlert] = useState<string | null>(null);
  const [result, setResult] = useState<FeedbackWriteResult | null>(null);
  const today = districtNow();
  const lastQuarter = today.subtract(3, "month");

  const submit = (values: WriteValues) => {
    setAlert(null);
    setResult(null);
    write.mutate(
      { year: values.year!, quarter: values.quarter! },
      { onSuccess: setResult, onError: (error) => setAlert(applyServerErrors(form, error)) },
    );
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Form<WriteValues>
        form={form}
        layout="inline"
        onFinish={submit}
        initialValues={{ year: lastQuarter.year(), quarter: Math.floor(lastQuarter.month() / 3) + 1 }}
      >
        <Form.Item
          name="year"
          label={t("feedbackYear")}
          rules={[{ required: true, message: t("feedbackYearRequired") }]}
        >
          <InputNumber min={2000} max={today.year()} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item
          name="quarter"
          label={t("feedbackQuarter")}
          dependencies={["year"]}
          rules={[
            { required: true, message: t("feedbackQuarterRequired") },
            ({ getFieldValue }) => ({
              validator: (_rule, quarter?: number) => {
                const year = getFieldValue("year") as number | undefined;
                if (!year || !quarter || quarterStart(year, quarter) <= today.format("YYYY-MM-DD"))
                  return Promise.resolve();
                return Promise.reject(new Error(t("feedbackQuarterFuture")));
              },
            }),
          ]}
        >
          <Select style={{ width: 90 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={write.isPending}>
            {t("feedbackWrite")}
          </Button>
        </Form.Item>
      </Form>
      {alert && <Alert type="error" showIcon title={alert} />}
      {result && (
        <Alert
          type={result.units ? "info" : "warning"}
          showIcon
          title={result.units ? t("feedbackQueued", { ...result }) : t("feedbackNoUnits")}
        />
      )}
    </Space>
  );
}

export function FeedbackReportsPage() {
  const { t } = useI18n();
  const me = useSession();
  const coordinator = isCoordinator(me);
  const [params, setParams] = useState({ page: 1, page_size: 20 });
  const reports = useFeedbackReports(params);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("feedbackTitle")}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void reports.refetch()}>
          {t("feedbackRefresh")}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {coordinator ? t("feedbackHelpCoordinator") : t("feedbackHelpUnit")}
      </Typography.Paragraph>
      {coordinator && (
        <Card>
          <FeedbackWriteForm />
        </Card>
      )}
      {reports.isError ? (
        <ErrorState error={reports.error} onRetry={() => reports.refetch()} />
      ) : (
        <Table<FeedbackReport>
          rowKey="id"
          size="small"
          loading={reports.isLoading}
          dataSource={reports.data?.results}
          scroll={{ x: 640 }}
          locale={{
            emptyText: <EmptyState text={coordinator ? t("feedbackEmptyCoordinator") : t("feedbackEmptyUnit")} />,
          }}
          pagination={{
            current: params.page,
            pageSize: params.page_size,
            total: reports.data?.count,
            onChange: (page, page_size) => setParams({ page, page_size }),
          }}
          columns={[
            {
              title: t("feedbackQuarter"),
              key: "quarter",
              render: (_v, r) => t("feedbackQuarterLabel", { year: r.year, quarter: r.quarter }),
            },
            ...(coordinator ? [{ title: t("feedbackUnit"), dataIndex: "unit_name", key: "unit" }] : []),
            { title: t("feedbackMembers"), dataIndex: "member_count", key: "members", align: "right" },
            { title: t("feedbackHours"), dataIndex: "hours", key: "hours", align: "right" },
            { title: t("feedbackGenerated"), key: "generated", render: (_v, r) => formatDateTime(r.generated_at) },
            {
              title: t("feedbackFiles"),
              key: "files",
              render: (_v, r) => (
                <Space wrap>
                  <Button size="small" icon={<FilePdfOutlined />} href={r.pdf_url}>
                    PDF
                  </Button>
                  <Button size="small" icon={<FileExcelOutlined />} href={r.xlsx_url}>
                    XLSX
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
