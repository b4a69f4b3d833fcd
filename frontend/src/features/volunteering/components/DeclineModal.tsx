// Decline one post with an optional reason (at most 500 characters); the server's errors land on the field.
import { Alert, Form, Input, Modal } from "antd";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useDeclinePost, type MyPost } from "../api/myPosts";

export function DeclineModal({ post, onDone, onClose }: { post: MyPost; onDone: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const decline = useDeclinePost();
  const [error, setError] = useState<string | null>(null);
  const submit = ({ reason }: { reason: string }) => {
    setError(null);
    decline.mutate(
      { id: post.id, reason: reason ?? "" },
      { onSuccess: onDone, onError: (e) => setError(applyServerErrors(form, e)) },
    );
  };
  return (
    <Modal
      open
      title={`${t("declineTitle")}：${post.shift_title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("decline")}
      okButtonProps={{ danger: true }}
      cancelText={t("cancel")}
      confirmLoading={decline.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ reason: "" }}>
        <Form.Item name="reason" label={t("declineReason")} extra={t("declineReasonHelp")} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </Modal>
  );
}
