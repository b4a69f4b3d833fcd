// Put a volunteer on what a run fills (a shift, a post) by hand, pinned; the server checks every hard rule and its
// refusal is shown here. The kind names the field, gives its options, and builds the request's body.
import { Alert, App, Form, Select } from "antd";
import { useState } from "react";
import { FormModal } from "@/components/FormModal";
import { ApiError } from "@/lib/api";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import type { RowShape, RunShape, UnfilledShape } from "./api";
import type { RunKind } from "./kind";
import { useVolunteerSearch } from "./lookups";

type Values = Record<string, number | undefined>;

interface Props<Run extends RunShape, Row extends RowShape, Item extends UnfilledShape, AddBody> {
  kind: RunKind<Run, Row, Item, AddBody>;
  run: Run;
  /** What to fill, chosen already (from the unfilled list). */
  initial?: number;
  onClose: () => void;
}

export function AddRowModal<Run extends RunShape, Row extends RowShape, Item extends UnfilledShape, AddBody>({
  kind,
  run,
  initial,
  onClose,
}: Props<Run, Row, Item, AddBody>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { name, useOptions, body } = kind.target;
  const targets = useOptions(run);
  const volunteers = useVolunteerSearch(search);
  const add = kind.api.useAddRow(run.id);

  const submit = (values: Values) => {
    setError(null);
    add.mutate(body(values[name]!, values.volunteer!), {
      onSuccess: () => {
        message.success(t("added"));
        onClose();
      },
      onError: (e) => {
        const left = applyServerErrors(form, e);
        setError(kind.sayRefusal ? (left ?? (e instanceof ApiError ? e.message : String(e))) : left);
      },
    });
  };

  return (
    <FormModal form={form} title={t(kind.words.addTitle)} saving={add.isPending} onCancel={onClose} width={520}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ [name]: initial, volunteer: undefined }}>
        <Form.Item name={name} label={t(name)} rules={[{ required: true, message: t(kind.words.targetRequired) }]}>
          <Select showSearch={{ optionFilterProp: "label" }} loading={targets.loading} options={targets.options} />
        </Form.Item>
        <Form.Item
          name="volunteer"
          label={t("volunteer")}
          rules={[{ required: true, message: t("volunteerRequired") }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={volunteers.isFetching}
            options={(volunteers.data?.results ?? []).map((v) => ({
              value: v.id,
              label: `${v.name}（${v.number}）· ${v.home_community_name}`,
            }))}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={t("refused")} description={error} role="alert" />}
      </Form>
    </FormModal>
  );
}
