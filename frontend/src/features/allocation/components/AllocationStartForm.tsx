// Start a post allocation run: a year (next year first) and a scope (a community or a sub-district, never the
// whole district).
import { Form, InputNumber } from "antd";
import { RunStartForm } from "@/components/runs/RunStartForm";
import { districtYear } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { allocationPath, allocationRuns } from "../api/runs";

export function AllocationStartForm() {
  const { t } = useI18n();
  const start = allocationRuns.useStart();
  return (
    <RunStartForm
      testId="allocation-start-form"
      submit="startAllocation"
      period={
        <Form.Item
          name="year"
          label={t("year")}
          rules={[
            { required: true, message: t("yearRequired") },
            { type: "number", min: 2000, max: 2100, message: t("yearInvalid") },
          ]}
        >
          <InputNumber precision={0} style={{ width: 110 }} />
        </Form.Item>
      }
      initialPeriod={{ year: districtYear() + 1 }}
      districtWide={false}
      start={start}
      input={(values: { year: number }, scope) => ({ year: values.year, ...scope })}
      runPath={allocationPath}
    />
  );
}
