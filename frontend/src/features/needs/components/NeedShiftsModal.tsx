// 生成班次: turn one need into a shift per chosen date (a time, seats, skills, a place). The client checks first
// (dates from today on, an end after the start, 1–200 seats); then the server's field errors land on their fields
// and its refusal (a shift already at that date and time, the need moved on: 409) in an alert.
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, TimePicker, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { ApiError } from "@/lib/api";
import { applyServerErrors } from "@/lib/forms";
import { dayOf, districtDay, districtToday, pickedDay, pickedTime, timeOfDay } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useSkillOptions } from "@/lib/skills";
import { useNeedToShifts, type Need, type NeedShiftsResult } from "../api/needs";

interface Values {
  dates?: Dayjs[];
  time?: [Dayjs, Dayjs];
  seats?: number;
  required_skills?: string[];
  address?: string;
}

export function NeedShiftsModal({
  need,
  onClose,
  onDone,
}: {
  need: Need;
  onClose: () => void;
  onDone: (result: NeedShiftsResult) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<{ title: string; text: string } | null>(null);
  const toShifts = useNeedToShifts();
  const skillOptions = useSkillOptions();
  const today = districtToday();
  // The resident's wanted time (the district's day and hours), when it is still ahead, is the first guess.
  const wanted =
    need.wanted_start && need.wanted_end && dayOf(need.wanted_start) >= today
      ? {
          dates: [districtDay(dayOf(need.wanted_start))],
          time: [timeOfDay(need.wanted_start), timeOfDay(need.wanted_end)] as [Dayjs, Dayjs],
        }
      : { dates: [], time: undefined };

  const submit = (values: Values) => {
    setError(null);
    const codes = values.required_skills ?? [];
    const body = {
      dates: [...new Set(values.dates!.map(pickedDay))].sort(),
      start_time: pickedTime(values.time![0]),
      end_time: pickedTime(values.time![1]),
      seats: values.seats!,
      // A skill the need already asks for keeps its level; one added here asks for level 1.
      required_skills: Object.fromEntries(codes.map((code) => [code, need.required_skills?.[code] ?? 1])),
      address: (values.address ?? "").trim(),
    };
    toShifts.mutate(
      { id: need.id, body },
      {
        onSuccess: (result) => onDone(result),
        onError: (e) => {
          const left = applyServerErrors(form, e, { start_time: "time", end_time: "time" });
          if (e instanceof ApiError && e.status === 409) setError({ title: t("needShiftsRefused"), text: e.message });
          else if (left) setError({ title: t("refused"), text: left });
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t("needShiftsTitle", { title: need.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("needShiftsOk")}
      cancelText={t("cancel")}
      confirmLoading={toShifts.isPending}
      destroyOnHidden
    >
      {need.status === "pending" && (
        <Typography.Paragraph type="secondary">{t("dispatchApproves")}</Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="need-shifts-form"
        initialValues={{
          seats: Math.min(Math.max(need.headcount || 1, 1), 200),
          required_skills: Object.keys(need.required_skills ?? {}),
          address: "",
          ...wanted,
        }}
      >
        <Form.Item
          name="dates"
          label={t("shiftDates")}
          extra={t("shiftDatesHelp")}
          rules={[
            {
              validator: (_, value: Dayjs[] | undefined) => {
                if (!value || value.length === 0) return Promise.reject(new Error(t("shiftDatesRequired")));
                if (value.some((d) => pickedDay(d) < today)) return Promise.reject(new Error(t("shiftDatesPast")));
                if (value.length > 31) return Promise.reject(new Error(t("shiftDatesTooMany")));
                return Promise.resolve();
              },
            },
          ]}
        >
          <DatePicker
            multiple
            style={{ width: "100%" }}
            disabledDate={(d) => pickedDay(d) < today}
            data-testid="shift-dates"
          />
        </Form.Item>
        <Form.Item
          name="time"
          label={t("shiftTime")}
          rules={[
            {
              validator: (_, value: [Dayjs, Dayjs] | undefined) => {
                if (!value?.[0] || !value?.[1]) return Promise.reject(new Error(t("shiftTimeRequired")));
                if (pickedTime(value[1]) <= pickedTime(value[0])) return Promise.reject(new Error(t("shiftTimeOrder")));
                return Promise.resolve();
              },
            },
          ]}
        >
          <TimePicker.RangePicker
            format="HH:mm"
            minuteStep={5}
            order={false}
            placeholder={[t("slotFrom"), t("slotTo")]}
            style={{ width: "100%" }}
            data-testid="shift-time"
          />
        </Form.Item>
        <Form.Item
          name="seats"
          label={t("seats")}
          rules={[
            { required: true, message: t("shiftSeatsRange") },
            { type: "integer", min: 1, max: 200, message: t("shiftSeatsRange") },
          ]}
        >
          <InputNumber min={1} max={200} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="required_skills" label={t("skills")} extra={t("shiftSkillsHelp")}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: "label" }} options={skillOptions} />
        </Form.Item>
        <Form.Item name="address" label={t("address")} rules={[{ max: 200, message: t("shiftAddressLong") }]}>
          <Input maxLength={200} placeholder={need.community_name} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error.title} description={error.text} role="alert" />}
      </Form>
    </Modal>
  );
}
