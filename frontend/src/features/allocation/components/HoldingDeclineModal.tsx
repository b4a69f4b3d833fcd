// Decline one's standing post with an optional reason (at most 500 characters); the server's errors land on
// the field, its refusals (the holding has ended: 409) in an alert.
import { Alert, Form, Input, Modal } from "antd";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useDeclineHolding } from "../api/holdings";
import type { PostHolding } from "../api/types";

export function HoldingDeclineModal({
  holding,
  onDone,
  onClose,
}: {
  holding: PostHolding;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const decline = useDeclineHolding();
  const [error, setError] = useState<string | null>(null);
  const submit = ({ reason }: { reason: string }) => {
    setError(null);
    decline.mutate(
      { id: holding.id, reason: (reason ?? "").trim() },
      { onSuccess: onDone, onError: (e) => setError(applyServerErrors(form, e)) },
    );
  };
  return (
    <Modal
      open
      title={`${t("holdingDeclineTitle")}：${holding.post_name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("decline")}
      okButtonProps={{ danger: true }}
      cancelText={t("cancel")}
      confirmLoading={decline.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ reason: "" }}>
        <Form.Item
          name="reason"
          label={t("declineReason")}
          extra={t("holdingDeclineHelp")}
          rules={[{ max: 500, message: t("withdrawReasonLong") }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </Modal>
  );
}
