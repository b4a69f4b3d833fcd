// The request of an export: contents (those the role may export), format and an optional date range. The client
// asks for the contents and format first; the server's field errors land on their fields.
import { Alert, Button, DatePicker, Form, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { daysBetween, pickedDay } from "@/lib/format";
import { EXPORT_FORMATS, useCreateExport, type ExportKind, type ExportRequest } from "../api/exports";
import { enumLabel, useI18n } from "@/lib/i18n";

interface Values {
  kind?: ExportKind;
  format?: ExportRequest["format"];
  range?: [Dayjs | null, Dayjs | null] | null;
}

const MAX_DAYS = 3 * 366;

export function ExportForm({ kinds, onCreated }: { kinds: ExportKind[]; onCreated?: (id: number) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateExport();
  const [alert, setAlert] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);

  const submit = (values: Values) => {
    setAlert(null);
    setQueued(false);
    const [from, to] = values.range ?? [null, null];
    const request: ExportRequest = { kind: values.kind!, format: values.format! };
    if (from) request.date_from = pickedDay(from);
    if (to) request.date_to = pickedDay(to);
    create.mutate(request, {
      onSuccess: (job) => {
        setQueued(true);
        onCreated?.(job.id);
      },
      onError: (error) => setAlert(applyServerErrors(form, error, { date_from: "range", date_to: "range" })),
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ kind: kinds.length === 1 ? kinds[0] : undefined, format: "csv" }}
      aria-label={t("exportNew")}
    >
      <Form.Item name="kind" label={t("exportKind")} rules={[{ required: true, message: t("exportKindRequired") }]}>
        <Select
          options={kinds.map((kind) => ({ value: kind, label: enumLabel(t, "exportKind", kind) }))}
          style={{ maxWidth: 420 }}
        />
      </Form.Item>
      <Form.Item
        name="format"
        label={t("exportFormat")}
        rules={[{ required: true, message: t("exportFormatRequired") }]}
      >
        <Select
          options={EXPORT_FORMATS.map((value) => ({ value, label: value.toUpperCase() }))}
          style={{ maxWidth: 160 }}
        />
      </Form.Item>
      <Form.Item
        name="range"
        label={t("exportRange")}
        extra={t("exportRangeHelp")}
        rules={[
          {
            validator: (_rule, range: Values["range"]) =>
              range?.[0] && range[1] && daysBetween(pickedDay(range[0]), pickedDay(range[1])) > MAX_DAYS
                ? Promise.reject(new Error(t("exportRangeTooLong")))
                : Promise.resolve(),
          },
        ]}
      >
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Space orientation="vertical" style={{ width: "100%" }}>
        {alert && <Alert type="error" showIcon title={alert} />}
        {queued && <Alert type="info" showIcon title={t("exportQueued")} />}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t("exportSubmit")}
        </Button>
      </Space>
    </Form>
  );
}
