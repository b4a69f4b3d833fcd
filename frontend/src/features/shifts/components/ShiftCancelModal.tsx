// Cancel one shift with a reason. The dialog says beforehand what cancelling does: the volunteers a published plan
// holds on it are told once and their posts end; a shift nobody was told about just goes.
import { Alert, Form, Input, Modal } from "antd";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useCancelShift, type Shift } from "../api/shifts";

export function ShiftCancelModal({
  shift,
  onDone,
  onClose,
}: {
  shift: Shift;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelShift();
  const [error, setError] = useState<string | null>(null);
  const held = shift.published_volunteers ?? 0;
  const submit = ({ reason }: { reason: string }) => {
    setError(null);
    cancel.mutate(
      { id: shift.id, reason: reason.trim() },
      { onSuccess: onDone, onError: (e) => setError(applyServerErrors(form, e)) },
    );
  };
  return (
    <Modal
      open
      title={t("shiftCancelTitle", { title: shift.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("shiftCancelConfirm")}
      okButtonProps={{ danger: true }}
      cancelText={t("shiftKeep")}
      confirmLoading={cancel.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ reason: "" }}>
        <Alert
          type={held > 0 ? "warning" : "info"}
          showIcon
          title={held > 0 ? t("shiftCancelTellsVolunteers", { count: held }) : t("shiftCancelTellsNobody")}
          style={{ marginBottom: 16 }}
        />
        <Form.Item
          name="reason"
          label={t("shiftCancelReason")}
          rules={[{ required: true, whitespace: true, message: t("shiftCancelReasonRequired") }, { max: 500 }]}
        >
          <Input maxLength={500} showCount />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </Modal>
  );
}
