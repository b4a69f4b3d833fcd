// A resource's free slots: weekly (a weekday) or one-off (a date), each with a time window; add and remove.
import { Alert, Button, DatePicker, Form, Select, Tag, TimePicker, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { pickedDay, pickedTime } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useAddSlot, useRemoveSlot, type Slot } from "../api/resources";

interface Values {
  kind: "weekday" | "date";
  weekday?: number;
  date?: Dayjs;
  start_time?: Dayjs;
  end_time?: Dayjs;
}

export function SlotsEditor({ resourceId, slots }: { resourceId: number; slots: Slot[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form) ?? "weekday";
  const add = useAddSlot();
  const remove = useRemoveSlot();
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(slots);

  const submit = (v: Values) => {
    setError(null);
    add.mutate(
      {
        resource: resourceId,
        weekday: v.kind === "weekday" ? (v.weekday ?? null) : null,
        date: v.kind === "date" && v.date ? pickedDay(v.date) : null,
        start_time: pickedTime(v.start_time!),
        end_time: pickedTime(v.end_time!),
      },
      {
        // The values stay: the next slot is often the same window on another day.
        onSuccess: (slot) => setShown((list) => [...list, slot]),
        onError: (e) => setError(applyServerErrors(form, e)),
      },
    );
  };

  const label = (s: Slot) =>
    `${s.weekday ? enumLabel(t, "weekday", s.weekday) : s.date} ${s.start_time.slice(0, 5)}–${s.end_time.slice(0, 5)}`;

  return (
    <div data-testid="slots-editor">
      <Typography.Text strong>{t("slots")}</Typography.Text>
      <div style={{ margin: "8px 0" }}>
        {shown.length === 0 ? (
          <Typography.Text type="secondary">{t("slotsEmpty")}</Typography.Text>
        ) : (
          shown.map((s) => (
            <Tag
              key={s.id}
              closable
              onClose={(e) => {
                e.preventDefault();
                remove.mutate(s.id, { onSuccess: () => setShown((list) => list.filter((x) => x.id !== s.id)) });
              }}
            >
              {label(s)}
            </Tag>
          ))
        )}
      </div>
      <Form form={form} layout="inline" onFinish={submit} initialValues={{ kind: "weekday" }} style={{ rowGap: 8 }}>
        <Form.Item name="kind">
          <Select
            style={{ width: 110 }}
            options={[
              { value: "weekday", label: t("slotWeekly") },
              { value: "date", label: t("slotOnce") },
            ]}
          />
        </Form.Item>
        {kind === "weekday" ? (
          <Form.Item name="weekday" rules={[{ required: true, message: t("slotDayRequired") }]}>
            <Select
              style={{ width: 90 }}
              placeholder={t("slotDay")}
              options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: enumLabel(t, "weekday", d) }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="date" rules={[{ required: true, message: t("slotDayRequired") }]}>
            <DatePicker />
          </Form.Item>
        )}
        <Form.Item name="start_time" rules={[{ required: true, message: t("slotTimeRequired") }]}>
          <TimePicker format="HH:mm" minuteStep={15} placeholder={t("slotFrom")} />
        </Form.Item>
        <Form.Item
          name="end_time"
          dependencies={["start_time"]}
          rules={[
            { required: true, message: t("slotTimeRequired") },
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | undefined) => {
                const start = getFieldValue("start_time") as Dayjs | undefined;
                return !value || !start || pickedTime(value) > pickedTime(start)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("slotOrder")));
              },
            }),
          ]}
        >
          <TimePicker format="HH:mm" minuteStep={15} placeholder={t("slotTo")} />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t("slotAdd")}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} role="alert" />}
    </div>
  );
}
