// Create or edit one project (项目): checked here first (name, community, a period that does not end before it starts; a
// project that meets on some weekdays needs an ordered session time and seats, as the server says too), then the
// server's field errors land on their fields and the rest in an alert. Nothing typed is lost on a refusal.
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, TimePicker } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { CommunityField } from "@/components/CommunityField";
import { FormModal } from "@/components/FormModal";
import { SkillLevelsField, skillLevelsOf } from "@/components/SkillLevelsField";
import { applyServerErrors } from "@/lib/forms";
import { clockValue, districtDay, pickedDay, pickedTime } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import {
  FREQUENCIES,
  RESOURCE_KINDS,
  useSaveProject,
  type Frequency,
  type Project,
  type ProjectInput,
  type ResourceKind,
} from "../api/projects";

interface Values {
  name: string;
  community?: number;
  period?: [Dayjs, Dayjs];
  frequency: Frequency;
  weekdays: number[];
  session?: [Dayjs, Dayjs] | null;
  seats: number;
  skills: string[];
  /** The level (1-5) asked for each chosen skill. */
  levels?: Record<string, number | null>;
  resourceKind?: ResourceKind;
  minCapacity?: number;
  goals: string;
}

const TIME = "HH:mm";
const clock = (value: string | null) => (value ? clockValue(value) : null);

/** The form's values as the API's fields; a skill's level is the one set here, else the one from before, else 1. */
export function toInput(values: Values, before?: Record<string, number>): ProjectInput {
  const [start, end] = values.period ?? [];
  const [from, to] = values.session ?? [];
  return {
    name: values.name.trim(),
    community: values.community!,
    goals: values.goals ?? "",
    frequency: values.frequency,
    start_date: pickedDay(start!),
    end_date: pickedDay(end!),
    weekdays: [...(values.weekdays ?? [])].sort(),
    start_time: from ? pickedTime(from) : null,
    end_time: to ? pickedTime(to) : null,
    seats: values.seats ?? 0,
    required_skills: skillLevelsOf(values.skills, values.levels, before),
    resource_kind: values.resourceKind ?? "",
    resource_min_capacity: values.resourceKind ? (values.minCapacity ?? 0) : 0,
  };
}

export function ProjectForm({ project, onClose }: { project?: Project; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveProject();
  const weekdays = Form.useWatch("weekdays", form) ?? [];
  const meets = weekdays.length > 0;

  const initial: Partial<Values> = project
    ? {
        name: project.name,
        community: project.community,
        period: [districtDay(project.start_date), districtDay(project.end_date)],
        frequency: project.frequency,
        weekdays: project.weekdays,
        session: project.start_time && project.end_time ? [clock(project.start_time)!, clock(project.end_time)!] : null,
        seats: project.seats,
        skills: Object.keys(project.required_skills ?? {}),
        levels: { ...project.required_skills },
        resourceKind: project.resource_kind || undefined,
        minCapacity: project.resource_min_capacity,
        goals: project.goals,
      }
    : {
        name: "",
        community: me.community ?? undefined,
        frequency: "weekly",
        weekdays: [],
        seats: 0,
        skills: [],
        minCapacity: 0,
        goals: "",
      };

  const submit = (values: Values) => {
    setError(null);
    save.mutate(
      { id: project?.id, body: toInput(values, project?.required_skills) },
      {
        onSuccess: () => onClose(true),
        onError: (e) =>
          setError(
            applyServerErrors(form, e, {
              start_date: "period",
              end_date: "period",
              start_time: "session",
              end_time: "session",
              required_skills: "skills",
              resource_kind: "resourceKind",
              resource_min_capacity: "minCapacity",
            }),
          ),
      },
    );
  };

  return (
    <FormModal
      form={form}
      title={project ? t("editProject") : t("newProject")}
      saving={save.isPending}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} data-testid="project-form">
        <Form.Item
          name="name"
          label={t("projectName")}
          rules={[
            { required: true, whitespace: true, message: t("projectNameRequired") },
            { max: 128, message: t("projectNameLong") },
          ]}
        >
          <Input />
        </Form.Item>
        <CommunityField />
        <Form.Item
          name="period"
          label={t("projectPeriod")}
          rules={[
            { required: true, message: t("projectPeriodRequired") },
            {
              // the server refuses an end before the start (a one-day project ends on its start day)
              validator: (_rule, value?: [Dayjs | null, Dayjs | null] | null) =>
                value?.[0] && value[1] && pickedDay(value[1]) < pickedDay(value[0])
                  ? Promise.reject(new Error(t("projectPeriodOrder")))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker.RangePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="frequency" label={t("projectFrequency")}>
          <Select options={FREQUENCIES.map((f) => ({ value: f, label: enumLabel(t, "freq", f) }))} />
        </Form.Item>
        <Form.Item name="weekdays" label={t("projectWeekdays")} extra={t("projectWeekdaysHelp")}>
          <Checkbox.Group
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekday_${d}` as "weekday_1") }))}
          />
        </Form.Item>
        <Form.Item
          name="session"
          label={t("projectSession")}
          dependencies={["weekdays"]}
          rules={[
            { required: meets, message: t("projectSessionRequired") },
            {
              validator: (_rule, value?: [Dayjs | null, Dayjs | null] | null) =>
                value?.[0] && value[1] && pickedTime(value[1]) <= pickedTime(value[0])
                  ? Promise.reject(new Error(t("slotOrder")))
                  : Promise.resolve(),
            },
          ]}
        >
          <TimePicker.RangePicker format={TIME} minuteStep={5} order />
        </Form.Item>
        <Form.Item
          name="seats"
          label={t("projectSeats")}
          dependencies={["weekdays"]}
          rules={[
            { type: "number", min: 0, max: 200, message: t("projectSeatsRange") },
            {
              validator: (_rule, value?: number | null) =>
                meets && !(value && value > 0)
                  ? Promise.reject(new Error(t("projectSeatsRequired")))
                  : Promise.resolve(),
            },
          ]}
        >
          <InputNumber min={0} max={200} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <SkillLevelsField levelsLabel={t("projectSkillLevels")} levelsHelp={t("projectSkillLevelsHelp")} />
        <Form.Item label={t("projectResource")} extra={t("projectResourceHelp")}>
          <Space wrap>
            <Form.Item name="resourceKind" noStyle>
              <Select
                allowClear
                placeholder={t("projectResourceNone")}
                style={{ width: 160 }}
                aria-label={t("projectResource")}
                options={RESOURCE_KINDS.map((k) => ({ value: k, label: enumLabel(t, "cat", k) }))}
              />
            </Form.Item>
            <Space.Compact>
              <Space.Addon>{t("projectMinCapacity")}</Space.Addon>
              <Form.Item name="minCapacity" noStyle rules={[{ type: "number", min: 0, message: t("capacityInvalid") }]}>
                <InputNumber min={0} precision={0} style={{ width: 90 }} aria-label={t("projectMinCapacity")} />
              </Form.Item>
            </Space.Compact>
          </Space>
        </Form.Item>
        <Form.Item name="goals" label={t("projectGoals")} rules={[{ max: 2000, message: t("projectGoalsLong") }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </FormModal>
  );
}
