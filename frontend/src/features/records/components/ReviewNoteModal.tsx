// Approve or reject a pending manual entry with a note; a rejection needs one (the volunteer sees it).
// Checked here first; the server's field errors go on the note, anything else (not pending, 404) in an alert.
import { Alert, Descriptions, Form, Input, Modal } from "antd";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useReviewRecord, type ServiceRecord } from "../api/records";

export function ReviewNoteModal({
  record,
  action,
  onClose,
  onDone,
}: {
  record: ServiceRecord;
  action: "approve" | "reject";
  onClose: () => void;
  onDone: (record: ServiceRecord) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<string | null>(null);
  const review = useReviewRecord();
  const reject = action === "reject";

  const submit = ({ note }: { note: string }) => {
    setError(null);
    review.mutate(
      { id: record.id, action, note: (note ?? "").trim() },
      { onSuccess: (updated) => onDone(updated), onError: (e) => setError(applyServerErrors(form, e)) },
    );
  };

  return (
    <Modal
      open
      title={t(reject ? "recordRejectTitle" : "recordApproveTitle", { title: record.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(reject ? "recordReject" : "recordApprove")}
      okButtonProps={{ danger: reject }}
      cancelText={t("cancel")}
      confirmLoading={review.isPending}
      destroyOnHidden
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item
          label={t("volunteer")}
        >{`${record.volunteer_name} (${record.volunteer_number})`}</Descriptions.Item>
        <Descriptions.Item label={t("recordDate")}>{record.date}</Descriptions.Item>
        <Descriptions.Item label={t("hours")}>{record.hours.toFixed(1)}</Descriptions.Item>
        <Descriptions.Item label={t("recordEvidence")}>{record.evidence}</Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ note: "" }} data-testid="review-form">
        <Form.Item
          name="note"
          label={t("recordReviewNote")}
          rules={[
            ...(reject ? [{ required: true, whitespace: true, message: t("recordRejectNoteRequired") }] : []),
            { max: 2000, message: t("fieldTooLong") },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={t("refused")} description={error} role="alert" />}
      </Form>
    </Modal>
  );
}
