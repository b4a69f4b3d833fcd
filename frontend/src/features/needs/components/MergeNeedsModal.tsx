// 合并为项目: bind the chosen needs to an existing project of their community or to a new one. The client checks
// first (a project chosen, or a new one's name and period; one community for a new project); then the server's
// field errors land on their fields and its refusals (another community: 400, a need moved on: 409) in an alert.
import { Alert, DatePicker, Form, Input, Modal, Radio, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { ApiError } from "@/lib/api";
import { pickedDay } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useMergeNeeds, useProjectOptions, type MergeInput, type MergeResult, type Need } from "../api/needs";

interface Values {
  mode: "existing" | "new";
  project?: number;
  name?: string;
  period?: [Dayjs, Dayjs];
  goals?: string;
}

/** The server's field errors (new_project's nested ones included) by the form's field names. */
function formErrors(error: ApiError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const put = (name: string, value: unknown) => {
    const messages = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
    if (messages.length) out[name] = [...(out[name] ?? []), ...messages];
  };
  for (const [name, value] of Object.entries(error.fields)) {
    if (name === "new_project" && value && typeof value === "object" && !Array.isArray(value)) {
      for (const [inner, messages] of Object.entries(value)) {
        put(inner === "start_date" || inner === "end_date" ? "period" : inner, messages);
      }
    } else if (name === "project") {
      put("project", value);
    }
  }
  return out;
}

export function MergeNeedsModal({
  needs,
  onClose,
  onDone,
}: {
  needs: Need[];
  onClose: () => void;
  onDone: (result: MergeResult) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch("mode", form) ?? "existing";
  const [error, setError] = useState<{ title: string; text: string } | null>(null);
  const merge = useMergeNeeds();
  const projects = useProjectOptions(true);
  const communities = new Set(needs.map((n) => n.community));
  const oneCommunity = communities.size === 1;
  const options = (projects.data ?? [])
    .filter((p) => communities.has(p.community))
    .map((p) => ({ value: p.id, label: `${p.name} · ${p.community_name} · ${p.start_date} ~ ${p.end_date}` }));

  const submit = (values: Values) => {
    setError(null);
    if (values.mode === "new" && !oneCommunity) {
      setError({ title: t("mergeRefused"), text: t("mergeOneCommunity") });
      return;
    }
    const ids = needs.map((n) => n.id);
    const body: MergeInput =
      values.mode === "existing"
        ? { needs: ids, project: values.project! }
        : {
            needs: ids,
            new_project: {
              name: values.name!.trim(),
              start_date: pickedDay(values.period![0]),
              end_date: pickedDay(values.period![1]),
              goals: (values.goals ?? "").trim(),
            },
          };
    merge.mutate(body, {
      onSuccess: (result) => onDone(result),
      onError: (e) => {
        if (!(e instanceof ApiError)) {
          setError({ title: t("refused"), text: String(e) });
          return;
        }
        const byField = formErrors(e);
        form.setFields(Object.entries(byField).map(([name, errors]) => ({ name: name as keyof Values, errors })));
        if (!Object.keys(byField).length || e.status === 409) setError({ title: t("mergeRefused"), text: e.message });
      },
    });
  };

  return (
    <Modal
      open
      title={t("mergeTitle", { count: needs.length })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("mergeOk")}
      cancelText={t("cancel")}
      confirmLoading={merge.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{needs.map((n) => n.title).join(" · ")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ mode: "existing", goals: "" }}
        data-testid="merge-form"
      >
        <Form.Item name="mode">
          <Radio.Group
            options={[
              { value: "existing", label: t("mergeExisting") },
              { value: "new", label: t("mergeNew") },
            ]}
          />
        </Form.Item>
        {mode === "existing" ? (
          <Form.Item
            name="project"
            label={t("mergeProject")}
            extra={options.length || projects.isLoading ? t("mergeProjectHelp") : t("mergeNoProject")}
            rules={[{ required: true, message: t("mergeProjectRequired") }]}
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              loading={projects.isLoading}
              options={options}
              placeholder={t("mergeProject")}
            />
          </Form.Item>
        ) : (
          <>
            {!oneCommunity && (
              <Alert type="warning" showIcon title={t("mergeOneCommunity")} style={{ marginBottom: 16 }} />
            )}
            <Form.Item
              name="name"
              label={t("projectName")}
              rules={[
                { required: true, whitespace: true, message: t("projectNameRequired") },
                { max: 128, message: t("projectNameLong") },
              ]}
            >
              <Input maxLength={128} />
            </Form.Item>
            <Form.Item
              name="period"
              label={t("projectPeriod")}
              rules={[{ required: true, message: t("projectPeriodRequired") }]}
            >
              <DatePicker.RangePicker style={{ width: "100%" }} placeholder={[t("slotFrom"), t("slotTo")]} />
            </Form.Item>
            <Form.Item name="goals" label={t("projectGoals")} rules={[{ max: 2000, message: t("projectGoalsLong") }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {error && <Alert type="error" showIcon title={error.title} description={error.text} role="alert" />}
      </Form>
    </Modal>
  );
}
