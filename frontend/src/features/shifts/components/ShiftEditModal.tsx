// Edit one shift: name, day and hours, seats, priority, skills and its resource request. A shift whose published plan
// holds volunteers says first what may no longer change (the server refuses it too, with a 409 on the fields).
import { Alert, DatePicker, Form, Input, InputNumber, Select, Space, TimePicker } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { FormModal } from "@/components/FormModal";
import { applyServerErrors } from "@/lib/forms";
import { districtDay, districtTime, dayOf, pickedDay, pickedTime, timeOfDay } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useSkillOptions } from "@/lib/skills";
import { useSaveShift, type Shift, type ShiftInput } from "../api/shifts";

type Kind = NonNullable<Shift["resource_request"]>["kind"];
const KINDS: Kind[] = ["venue", "vehicle", "equipment", "goods", "funds", "expertise"];

interface Values {
  title: string;
  day: Dayjs;
  hours: [Dayjs, Dayjs];
  seats: number;
  priority: number;
  skills: string[];
  kind?: Kind | null;
  minCapacity?: number;
}

/** The form's values as the fields of a PATCH; a skill keeps the level it had, a new one asks for level 1. */
export function toShiftInput(values: Values, shift: Shift): ShiftInput {
  const day = pickedDay(values.day);
  const [from, to] = values.hours;
  const before = shift.required_skills ?? {};
  const request = shift.resource_request;
  return {
    title: values.title.trim(),
    start: districtTime(`${day}T${pickedTime(from)}`).format(),
    end: districtTime(`${day}T${pickedTime(to)}`).format(),
    seats: values.seats,
    priority: values.priority,
    required_skills: Object.fromEntries(values.skills.map((code) => [code, before[code] ?? 1])),
    resource_request: values.kind
      ? {
          kind: values.kind,
          min_capacity: values.minCapacity ?? 0,
          features: request?.features ?? [],
          max_distance_km: request?.max_distance_km ?? null,
        }
      : null,
  };
}

export function ShiftEditModal({ shift, onDone, onClose }: { shift: Shift; onDone: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const skillOptions = useSkillOptions();
  const save = useSaveShift();
  const held = shift.published_volunteers ?? 0;
  const initial: Values = {
    title: shift.title,
    day: districtDay(dayOf(shift.start)),
    hours: [timeOfDay(shift.start), timeOfDay(shift.end)],
    seats: shift.seats,
    priority: shift.priority ?? 3,
    skills: Object.keys(shift.required_skills ?? {}),
    kind: shift.resource_request?.kind ?? null,
    minCapacity: shift.resource_request?.min_capacity ?? 0,
  };
  const submit = (values: Values) => {
    setError(null);
    save.mutate(
      { id: shift.id, body: toShiftInput(values, shift) },
      {
        onSuccess: onDone,
        onError: (e) =>
          setError(
            applyServerErrors(form, e, {
              start: "hours",
              end: "hours",
              required_skills: "skills",
              resource_request: "kind",
            }),
          ),
      },
    );
  };
  return (
    <FormModal
      form={form}
      title={t("shiftEditTitle", { title: shift.title })}
      saving={save.isPending}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} data-testid="shift-form">
        {held > 0 && <Alert type="warning" showIcon title={t("shiftPublishedEdit", { count: held })} />}
        <Form.Item
          name="title"
          label={t("shiftTitle")}
          rules={[{ required: true, whitespace: true, message: t("shiftTitleRequired") }, { max: 128 }]}
        >
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="day" label={t("shiftDay")} rules={[{ required: true, message: t("shiftDayRequired") }]}>
            <DatePicker disabled={held > 0} />
          </Form.Item>
          <Form.Item
            name="hours"
            label={t("shiftHours")}
            rules={[
              { required: true, message: t("shiftHoursRequired") },
              {
                validator: (_rule, value?: [Dayjs | null, Dayjs | null] | null) =>
                  value?.[0] && value[1] && pickedTime(value[1]) <= pickedTime(value[0])
                    ? Promise.reject(new Error(t("shiftHoursOrder")))
                    : Promise.resolve(),
              },
            ]}
          >
            <TimePicker.RangePicker format="HH:mm" minuteStep={5} order disabled={held > 0} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="seats" label={t("seats")} rules={[{ required: true }]}>
            <InputNumber min={Math.max(1, held)} max={200} precision={0} />
          </Form.Item>
          <Form.Item name="priority" label={t("priority")} rules={[{ required: true }]}>
            <InputNumber min={1} max={5} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="skills" label={t("skills")}>
          <Select mode="multiple" options={skillOptions} disabled={held > 0} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t("shiftResourceKind")}>
            <Select
              allowClear
              placeholder={t("shiftResourceNone")}
              style={{ minWidth: 160 }}
              options={KINDS.map((k) => ({ value: k, label: enumLabel(t, "cat", k) }))}
            />
          </Form.Item>
          <Form.Item name="minCapacity" label={t("shiftMinCapacity")}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
        </Space>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </FormModal>
  );
}
