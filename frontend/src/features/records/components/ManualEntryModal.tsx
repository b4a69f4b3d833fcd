// 补录: a volunteer files a service the attendance did not record, with evidence; it waits for a coordinator's
// review. Checked here first; the server's field errors go on their fields, anything else in an alert.
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Rate } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { districtToday, pickedDay } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useCreateRecord, type ServiceRecord } from "../api/records";

const MAX_MINUTES = 24 * 60;

interface Values {
  title?: string;
  date?: Dayjs | null;
  minutes?: number | null;
  evidence?: string;
  place?: string;
  recipient?: string;
  content?: string;
  person_in_charge?: string;
  rating?: number;
}

export function ManualEntryModal({
  onClose,
  onDone,
}: {
  onClose: () => void;
  onDone: (record: ServiceRecord) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateRecord();

  const submit = (values: Values) => {
    setError(null);
    create.mutate(
      {
        title: values.title!.trim(),
        date: pickedDay(values.date!),
        minutes: values.minutes!,
        evidence: values.evidence!.trim(),
        place: (values.place ?? "").trim(),
        recipient: (values.recipient ?? "").trim(),
        content: (values.content ?? "").trim(),
        person_in_charge: (values.person_in_charge ?? "").trim(),
        rating: values.rating ? values.rating : null,
      },
      {
        onSuccess: (record) => onDone(record),
        onError: (e) => setError(applyServerErrors(form, e)),
      },
    );
  };

  return (
    <Modal
      open
      title={t("manualEntryTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("manualEntrySubmit")}
      cancelText={t("cancel")}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="manual-entry-form"
        initialValues={{
          title: "",
          date: null,
          minutes: null,
          evidence: "",
          place: "",
          recipient: "",
          content: "",
          person_in_charge: "",
          rating: 0,
        }}
      >
        <Form.Item
          name="title"
          label={t("recordTitle")}
          rules={[
            { required: true, whitespace: true, message: t("recordTitleRequired") },
            { max: 128, message: t("recordTitleLong") },
          ]}
        >
          <Input maxLength={128} />
        </Form.Item>
        <Form.Item
          name="date"
          label={t("recordDate")}
          rules={[
            { required: true, message: t("recordDateRequired") },
            {
              validator: (_, value: Dayjs | null) =>
                value && pickedDay(value) > districtToday()
                  ? Promise.reject(new Error(t("recordDateFuture")))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker style={{ width: "100%" }} disabledDate={(day) => pickedDay(day) > districtToday()} />
        </Form.Item>
        <Form.Item
          name="minutes"
          label={t("recordMinutes")}
          extra={t("recordMinutesHelp")}
          rules={[
            {
              validator: (_, value: number | null | undefined) =>
                Number.isInteger(value) && value! >= 1 && value! <= MAX_MINUTES
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("recordMinutesRange"))),
            },
          ]}
        >
          <InputNumber style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t("recordEvidence")}
          extra={t("recordEvidenceHelp")}
          rules={[{ required: true, whitespace: true, message: t("recordEvidenceRequired") }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="place" label={t("recordPlace")} rules={[{ max: 200, message: t("fieldTooLong") }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="recipient" label={t("recordRecipient")} rules={[{ max: 64, message: t("fieldTooLong") }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="person_in_charge"
          label={t("recordPersonInCharge")}
          rules={[{ max: 64, message: t("fieldTooLong") }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="content" label={t("recordContent")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="rating" label={t("recordRating")}>
          <Rate allowClear />
        </Form.Item>
        {error && <Alert type="error" showIcon title={t("refused")} description={error} role="alert" />}
      </Form>
    </Modal>
  );
}
