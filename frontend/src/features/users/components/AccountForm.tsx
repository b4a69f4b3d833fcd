// Create an account: the name, a role with the one scope it needs, the phone number (the invitation goes there),
// an optional e-mail. Checked here first; the server's field errors land on their fields, the rest in an alert.
import { Alert, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { enumLabel, useI18n } from "@/lib/i18n";
import {
  CREATABLE_ROLES,
  SCOPE_FIELD,
  useCreateAccount,
  useScopeOptions,
  type Account,
  type CreatableRole,
} from "../api/users";

interface Values {
  display_name: string;
  role?: CreatableRole;
  sub_district?: number;
  community?: number;
  unit?: number;
  phone: string;
  email: string;
}

const SCOPE_LABEL = { sub_district: "scopeSubDistrict", community: "scopeCommunity", unit: "scopeUnit" } as const;

export function AccountForm({ onClose, onDone }: { onClose: () => void; onDone: (account: Account) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch("role", form);
  const scopeField = role ? SCOPE_FIELD[role] : undefined;
  const scopes = useScopeOptions(scopeField);
  const create = useCreateAccount();
  const [error, setError] = useState<string | null>(null);

  const submit = (values: Values) => {
    setError(null);
    const field = SCOPE_FIELD[values.role!];
    create.mutate(
      {
        display_name: values.display_name.trim(),
        role: values.role!,
        [field]: values[field],
        phone: values.phone.trim(),
        email: values.email.trim(),
      },
      { onSuccess: onDone, onError: (e) => setError(applyServerErrors(form, e)) },
    );
  };

  return (
    <Modal
      open
      title={t("accountCreate")}
      okText={t("accountCreateOk")}
      cancelText={t("cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ display_name: "", phone: "", email: "" }}
      >
        <Form.Item
          name="display_name"
          label={t("accountName")}
          rules={[{ required: true, whitespace: true, message: t("accountNameRequired") }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="role" label={t("accountRole")} rules={[{ required: true, message: t("accountRoleRequired") }]}>
          <Select
            options={CREATABLE_ROLES.map((value) => ({ value, label: enumLabel(t, "role", value) }))}
            onChange={() => form.setFieldsValue({ sub_district: undefined, community: undefined, unit: undefined })}
          />
        </Form.Item>
        {scopeField && (
          <Form.Item
            name={scopeField}
            label={t(SCOPE_LABEL[scopeField])}
            rules={[{ required: true, message: t("accountScopeRequired") }]}
          >
            <Select showSearch={{ optionFilterProp: "label" }} loading={scopes.isLoading} options={scopes.data ?? []} />
          </Form.Item>
        )}
        <Form.Item
          name="phone"
          label={t("accountPhone")}
          extra={t("accountPhoneHelp")}
          rules={[{ required: true, whitespace: true, message: t("accountPhoneRequired") }]}
        >
          <Input inputMode="tel" autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("accountEmail")}
          rules={[{ type: "email", message: t("accountEmailInvalid") }]}
        >
          <Input maxLength={254} />
        </Form.Item>
        {/* Scope fields the form does not show (another role's) come back from the server as a message here. */}
        {error && <Alert type="error" showIcon title={t("accountCreateRefused")} description={error} role="alert" />}
      </Form>
    </Modal>
  );
}
