// The coordinator's record of one volunteer on the roster, always with a reason: present with check-in and check-out
// times (prefilled with what is recorded, else the shift's own), absent, or the check-out a volunteer forgot (the
// QR check-in stays). Times are taken on the district's clock; the server's field errors land on their fields.
import { Alert, DatePicker, Form, Input, Modal, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { districtTime, formatDateTime, isPast, pickedDay, pickedTime } from "@/lib/format";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useRecordAttendance, type AttendanceRecord, type Roster, type RosterEntry } from "../api/attendance";

export type RecordMode = "present" | "absent" | "checkout";

interface Values {
  checked_in_at?: Dayjs | null;
  checked_out_at?: Dayjs | null;
  reason: string;
}

const TITLES = { present: "rosterPresentTitle", absent: "rosterAbsentTitle", checkout: "rosterCheckOutTitle" } as const;
const PICKER = { showTime: { format: "HH:mm", minuteStep: 5 as const }, format: "YYYY-MM-DD HH:mm" };

/** A date-time picker's value, read by its fields as a district wall time, as an instant. */
const instant = (value: Dayjs) => districtTime(`${pickedDay(value)}T${pickedTime(value)}`).format();

export function RecordModal({
  roster,
  entry,
  mode,
  onClose,
  onDone,
}: {
  roster: Roster;
  entry: RosterEntry;
  mode: RecordMode;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const record = useRecordAttendance(roster.shift);
  const row = entry.attendance;
  const shiftOver = isPast(roster.shift_end);
  const initial: Values = {
    checked_in_at: districtTime(row?.checked_in_at ?? roster.shift_start),
    checked_out_at:
      row?.checked_out_at || mode === "checkout" || shiftOver
        ? districtTime(row?.checked_out_at ?? roster.shift_end)
        : null,
    reason: "",
  };

  const submit = (values: Values) => {
    setError(null);
    const reason = values.reason.trim();
    const body: AttendanceRecord =
      mode === "absent"
        ? { volunteer: entry.volunteer, status: "no_show", reason }
        : {
            volunteer: entry.volunteer,
            status: "present",
            ...(mode === "present" && values.checked_in_at ? { checked_in_at: instant(values.checked_in_at) } : {}),
            checked_out_at: values.checked_out_at ? instant(values.checked_out_at) : null,
            reason,
          };
    record.mutate(body, { onSuccess: onDone, onError: (e) => setError(applyServerErrors(form, e)) });
  };

  return (
    <Modal
      open
      title={t(TITLES[mode], { name: entry.volunteer_name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(mode === "absent" ? "rosterMarkAbsent" : "save")}
      okButtonProps={{ danger: mode === "absent" }}
      cancelText={t("cancel")}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      {mode === "absent" && <Typography.Paragraph type="secondary">{t("rosterAbsentHelp")}</Typography.Paragraph>}
      {mode === "checkout" && row?.checked_in_at && (
        <Typography.Paragraph type="secondary">
          {t("rosterCheckOutHelp", { time: formatDateTime(row.checked_in_at) })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} data-testid="roster-form">
        {mode === "present" && (
          <Form.Item
            name="checked_in_at"
            label={t("rosterCheckedIn")}
            rules={[{ required: true, message: t("rosterCheckInRequired") }]}
          >
            <DatePicker {...PICKER} aria-label={t("rosterCheckedIn")} />
          </Form.Item>
        )}
        {mode !== "absent" && (
          <Form.Item
            name="checked_out_at"
            label={t("rosterCheckedOut")}
            rules={mode === "checkout" ? [{ required: true, message: t("rosterCheckOutRequired") }] : []}
          >
            <DatePicker {...PICKER} aria-label={t("rosterCheckedOut")} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t("rosterReason")}
          rules={[
            { required: true, whitespace: true, message: t("rosterReasonRequired") },
            { max: 500, message: t("fieldTooLong") },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} placeholder={t("rosterReasonPlaceholder")} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={t("refused")} description={error} role="alert" />}
      </Form>
    </Modal>
  );
}
