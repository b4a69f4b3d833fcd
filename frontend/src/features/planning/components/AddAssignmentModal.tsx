// Put a volunteer on a shift by hand (pinned); the server checks every hard rule and its refusal is shown here.
import { Alert, App, Form, Modal, Select } from "antd";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { formatSpan } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useVolunteerSearch, useWeekShifts } from "../api/lookups";
import { useAddAssignment } from "../api/review";
import { runScope, type MatchingRun } from "../api/types";

interface Values {
  shift?: number;
  volunteer?: number;
}

export function AddAssignmentModal({ run, onClose, initialShift }: { run: MatchingRun; onClose: () => void; initialShift?: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState("");
  const [error, setError] = useState<string | null>(null);
  const shifts = useWeekShifts(run.week, runScope(run));
  const volunteers = useVolunteerSearch(search);
  const add = useAddAssignment(run.id);

  const submit = (values: Values) => {
    setError(null);
    add.mutate(
      { shift: values.shift!, volunteer: values.volunteer! },
      {
        onSuccess: () => {
          message.success(t("added"));
          onClose();
        },
        onError: (e) => setError(applyServerErrors(form, e)),
      },
    );
  };

  return (
    <Modal
      open
      title={t("addTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("save")}
      cancelText={t("cancel")}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ shift: initialShift, volunteer: undefined }}>
        <Form.Item name="shift" label={t("shift")} rules={[{ required: true, message: t("shiftRequired") }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={shifts.isLoading}
            options={(shifts.data ?? []).map((s) => ({
              value: s.id,
              label: `${s.title} ${formatSpan(s.start, s.end)} · ${s.community_name}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="volunteer" label={t("volunteer")} rules={[{ required: true, message: t("volunteerRequired") }]}>
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
    </Modal>
  );
}
