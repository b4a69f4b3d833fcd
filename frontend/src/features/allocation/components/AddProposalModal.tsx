// Propose a member for a post by hand (pinned); the server checks every hard rule and names the one that would
// break (400 `rule_broken`), or refuses a pair already proposed (409): both are shown here.
import { Alert, App, Form, Modal, Select } from "antd";
import { useState } from "react";
import { ApiError } from "@/lib/api";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { usePostOptions, useVolunteerOptions } from "../api/lookups";
import { useAddProposal } from "../api/review";
import { runScope, type AllocationRun } from "../api/types";

interface Values {
  post?: number;
  volunteer?: number;
}

export function AddProposalModal({ run, onClose, initialPost }: { run: AllocationRun; onClose: () => void; initialPost?: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState("");
  const [error, setError] = useState<string | null>(null);
  const posts = usePostOptions(runScope(run));
  const volunteers = useVolunteerOptions(search);
  const add = useAddProposal(run.id);

  const submit = (values: Values) => {
    setError(null);
    add.mutate(
      { post: values.post!, volunteer: values.volunteer! },
      {
        onSuccess: () => {
          message.success(t("added"));
          onClose();
        },
        // The broken rule lands on its field, and the refusal is also said in words above the buttons.
        onError: (e) => setError(applyServerErrors(form, e) ?? (e instanceof ApiError ? e.message : String(e))),
      },
    );
  };

  return (
    <Modal
      open
      title={t("addProposalTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("save")}
      cancelText={t("cancel")}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ post: initialPost, volunteer: undefined }}>
        <Form.Item name="post" label={t("post")} rules={[{ required: true, message: t("postRequired") }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={posts.isLoading}
            options={(posts.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.community_name}` }))}
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
