// 记录接单: a coordinator records who took a need — a volunteer, a team or a unit of their scope, found by name. The
// server checks again: a field error lands on the taker's field, a refusal (taken already, no longer open: 409) or
// anything that names no field shows in an alert.
import { Alert, Form, Modal, Radio, Select } from "antd";
import { useState } from "react";
import { ApiError } from "@/lib/api";
import { applyServerErrors } from "@/lib/forms";
import { enumLabel, useI18n } from "@/lib/i18n";
import { TAKER_KINDS, useTakeNeed, useTakerOptions, type Need, type NeedTakerKind } from "../api/needs";

type Values = { kind: NeedTakerKind } & Partial<Record<NeedTakerKind, number>>;

export function TakeNeedModal({
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
  const [kind, setKind] = useState<NeedTakerKind>("volunteer");
  const [search, setSearch] = useState("");
  const [error, setError] = useState<string | null>(null);
  const options = useTakerOptions(kind, search);
  const take = useTakeNeed();

  const submit = (values: Values) => {
    setError(null);
    take.mutate(
      // The field is named after the kind, as the server names it: its field error lands there.
      { id: need.id, body: { [kind]: values[kind] } },
      {
        onSuccess: (saved) => onDone(saved),
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) {
            setError(e.message);
            return;
          }
          setError(applyServerErrors(form, e));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t("needTakeTitle", { title: need.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("needTakeOk")}
      cancelText={t("cancel")}
      confirmLoading={take.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: "volunteer" }}
        data-testid="take-need-form"
      >
        <Form.Item name="kind" label={t("needTakerKind")}>
          <Radio.Group
            optionType="button"
            options={TAKER_KINDS.map((k) => ({ value: k, label: enumLabel(t, "needTakerKind", k) }))}
            onChange={(e) => {
              setKind(e.target.value as NeedTakerKind);
              setSearch("");
              setError(null);
            }}
          />
        </Form.Item>
        <Form.Item
          key={kind}
          name={kind}
          label={t("needTaker")}
          extra={t("needTakerHelp")}
          rules={[{ required: true, message: t("needTakerRequired") }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={options.isFetching}
            options={options.data ?? []}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={t("needTakeRefused")} description={error} role="alert" />}
      </Form>
    </Modal>
  );
}
