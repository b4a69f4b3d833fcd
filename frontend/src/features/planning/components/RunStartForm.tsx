// Start a matching run: a week (next week first), a scope, and for the administrator the whole district too.
import { DatePicker, Form } from "antd";
import type { Dayjs } from "dayjs";
import { RunStartForm as StartForm } from "@/components/runs/RunStartForm";
import { districtDay, mondayOf, nextMonday } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { runPath, useStartRun } from "../api/runs";

export function RunStartForm() {
  const { t } = useI18n();
  const start = useStartRun();
  return (
    <StartForm
      testId="run-start-form"
      submit="startRun"
      period={
        <Form.Item name="week" label={t("week")} rules={[{ required: true, message: t("weekRequired") }]}>
          <DatePicker picker="week" allowClear={false} />
        </Form.Item>
      }
      initialPeriod={{ week: districtDay(nextMonday()) }}
      districtWide
      start={start}
      input={(values: { week: Dayjs }, scope) => ({ week: mondayOf(values.week), ...scope })}
      runPath={runPath}
    />
  );
}
