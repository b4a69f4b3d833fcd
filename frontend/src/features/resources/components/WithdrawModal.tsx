// Withdraw one resource for a day (撤回某日): a day from today on and a reason, checked here first; then the
// server's field errors on their fields (a past day) and its refusals (already withdrawn, 409) in an alert.
import { Alert, DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { districtDay, districtToday, pickedDay } from "@/lib/format";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useWithdraw } from "../api/lending";
import { useResources } from "../api/resources";

interface Values {
  resource?: number;
  date?: Dayjs;
  reason?: string;
}

export function WithdrawModal({
  resource,
  initialDate,
  onClose,
  onDone,
}: {
  /** The resource, when the action started from its row; otherwise the person picks one. */
  resource?: { id: number; name: string };
  initialDate?: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const withdraw = useWithdraw();
  const resources = useResources({ page: 1, page_size: 100 });
  const options = (resources.data?.results ?? []).map((r) => ({ value: r.id, label: r.name }));

  const submit = (values: Values) => {
    setError(null);
    withdraw.mutate(
      { resource: resource?.id ?? values.resource!, date: pickedDay(values.date!), reason: values.reason!.trim() },
      { onSuccess: () => onDone(), onError: (e) => setError(applyServerErrors(form, e)) },
    );
  };

  return (
    <Modal
      open
      title={resource ? `${t("withdrawTitle")}：${resource.name}` : t("withdrawTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("withdrawOk")}
      okButtonProps={{ danger: true }}
      cancelText={t("cancel")}
      confirmLoading={withdraw.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ resource: resource?.id, date: initialDate ? districtDay(initialDate) : undefined, reason: "" }}
        data-testid="withdraw-form"
      >
        {!resource && (
          <Form.Item name="resource" label={t("resource")} rules={[{ required: true, message: t("resourceRequired") }]}>
            <Select options={options} loading={resources.isLoading} showSearch={{ optionFilterProp: "label" }} />
          </Form.Item>
        )}
        <Form.Item
          name="date"
          label={t("withdrawDate")}
          rules={[
            { required: true, message: t("withdrawDateRequired") },
            {
              validator: (_, value: Dayjs | undefined) =>
                !value || pickedDay(value) >= districtToday()
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("withdrawDatePast"))),
            },
          ]}
        >
          <DatePicker style={{ width: "100%" }} disabledDate={(day) => pickedDay(day) < districtToday()} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("withdrawReason")}
          extra={t("withdrawReasonHelp")}
          rules={[
            { required: true, whitespace: true, message: t("withdrawReasonRequired") },
            { max: 500, message: t("withdrawReasonLong") },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        {error && <Alert type="error" showIcon title={t("refused")} description={error} role="alert" />}
      </Form>
    </Modal>
  );
}
