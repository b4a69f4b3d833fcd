// A coordinator adds an entry to a ledger: a meeting attended, another activity or a note. Checked here first;
// the server's field errors go on their fields, anything else (not in scope) in an alert.
import { Alert, Button, DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { pickedDay } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useAddLedgerEntry, type LedgerEntry } from "../api/ledgers";

const KINDS: LedgerEntry["kind"][] = ["meeting", "activity", "note"];

interface Values {
  kind?: LedgerEntry["kind"];
  title?: string;
  note?: string;
  date?: Dayjs | null;
}

export function LedgerEntryForm({ ledgerId, onDone }: { ledgerId: number; onDone?: (entry: LedgerEntry) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const add = useAddLedgerEntry(ledgerId);

  const submit = (values: Values) => {
    setError(null);
    add.mutate(
      {
        kind: values.kind!,
        title: values.title!.trim(),
        note: (values.note ?? "").trim(),
        date: values.date ? pickedDay(values.date) : null,
      },
      {
        onSuccess: (entry) => {
          form.resetFields();
          onDone?.(entry);
        },
        onError: (e) => setError(applyServerErrors(form, e)),
      },
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      data-testid="ledger-entry-form"
      initialValues={{ kind: undefined, title: "", note: "", date: null }}
      style={{ maxWidth: 560 }}
    >
      <Form.Item
        name="kind"
        label={t("ledgerEntryKind")}
        rules={[{ required: true, message: t("ledgerEntryKindRequired") }]}
      >
        <Select options={KINDS.map((kind) => ({ value: kind, label: enumLabel(t, "ledgerKind", kind) }))} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t("ledgerEntryTitle")}
        rules={[
          { required: true, whitespace: true, message: t("ledgerEntryTitleRequired") },
          { max: 200, message: t("fieldTooLong") },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="date" label={t("ledgerEntryDate")}>
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item name="note" label={t("ledgerEntryNote")} rules={[{ max: 4000, message: t("fieldTooLong") }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("refused")}
          description={error}
          role="alert"
          style={{ marginBottom: 12 }}
        />
      )}
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {t("ledgerEntryAdd")}
      </Button>
    </Form>
  );
}
