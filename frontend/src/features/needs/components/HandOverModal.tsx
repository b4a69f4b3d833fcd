// 移交: the owner of a need (首问责任人) hands it over to a colleague whose scope covers its community, with a reason.
// Only those colleagues are offered; the server checks again: its field errors land on their fields, and a refusal
// (not the owner: 403; a finished need: 409) shows in an alert.
import { Alert, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { ApiError } from "@/lib/api";
import { applyServerErrors } from "@/lib/forms";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useHandOverNeed, useOwnerCandidates, type Need } from "../api/needs";

interface Values {
  to_user?: number;
  reason?: string;
}

export function HandOverModal({
  need,
  onClose,
  onDone,
}: {
  need: Pick<Need, "id" | "title">;
  onClose: () => void;
  onDone: (need: Need) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<{ title: string; text: string } | null>(null);
  const candidates = useOwnerCandidates(need.id);
  const handOver = useHandOverNeed();

  const submit = (values: Values) => {
    setError(null);
    handOver.mutate(
      { id: need.id, body: { to_user: values.to_user!, reason: values.reason!.trim() } },
      {
        onSuccess: (saved) => onDone(saved),
        onError: (e) => {
          if (e instanceof ApiError && (e.status === 403 || e.status === 409)) {
            setError({ title: t("needHandOverRefused"), text: e.message });
            return;
          }
          const left = applyServerErrors(form, e);
          if (left) setError({ title: t("needHandOverRefused"), text: left });
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t("needHandOverTitle", { title: need.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("needHandOverOk")}
      cancelText={t("cancel")}
      confirmLoading={handOver.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="hand-over-form">
        <Form.Item
          name="to_user"
          label={t("needHandOverTo")}
          extra={t("needHandOverToHelp")}
          rules={[{ required: true, message: t("needHandOverToRequired") }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={candidates.isLoading}
            options={(candidates.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.name} · ${enumLabel(t, "role", c.role)}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("needHandOverReason")}
          rules={[
            { required: true, whitespace: true, message: t("needHandOverReasonRequired") },
            { max: 500, message: t("needHandOverReasonLong") },
          ]}
        >
          <Input maxLength={500} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error.title} description={error.text} role="alert" />}
      </Form>
    </Modal>
  );
}
