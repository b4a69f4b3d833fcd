// A coordinator enters a figure the ledgers do not hold, for one unit of their scope and the year: points (study,
// team guidance) from 0 to 10, counts as whole numbers; the server's field errors land on their fields.
import { Alert, Button, Form, Input, InputNumber, Select, Space } from "antd";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { MEASURES, POINT_MEASURES, useScopeUnits, useSetEvaluationInput, type Measure } from "../api/evaluations";
import { useI18n } from "@/lib/i18n";

interface Values {
  unit?: number;
  measure?: Measure;
  value?: number | null;
  note?: string;
}

export function EvaluationInputForm({ year }: { year: number }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const units = useScopeUnits();
  const save = useSetEvaluationInput();
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = (values: Values) => {
    setAlert(null);
    setSaved(false);
    save.mutate(
      { unit: values.unit!, year, measure: values.measure!, value: values.value!, note: values.note?.trim() ?? "" },
      {
        onSuccess: () => {
          setSaved(true);
          form.resetFields(["value", "note"]);
        },
        onError: (error) => setAlert(applyServerErrors(form, error)),
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} aria-label={t("evalInputs")}>
      <Space wrap align="start">
        <Form.Item
          name="unit"
          label={t("evalInputUnit")}
          rules={[{ required: true, message: t("evalInputUnitRequired") }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={units.isLoading}
            style={{ width: 220 }}
            options={units.data?.results.map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </Form.Item>
        <Form.Item
          name="measure"
          label={t("evalInputMeasure")}
          rules={[{ required: true, message: t("evalInputMeasureRequired") }]}
        >
          <Select style={{ width: 180 }} options={MEASURES.map((m) => ({ value: m, label: t(`evalMeasure_${m}`) }))} />
        </Form.Item>
        <Form.Item
          name="value"
          label={t("evalInputValue")}
          dependencies={["measure"]}
          rules={[
            { required: true, message: t("evalInputValueRequired") },
            ({ getFieldValue }) => ({
              validator: (_rule, value?: number | null) => {
                if (value === null || value === undefined) return Promise.resolve();
                const measure = getFieldValue("measure") as Measure | undefined;
                if (measure && POINT_MEASURES.includes(measure)) {
                  return value < 0 || value > 10
                    ? Promise.reject(new Error(t("evalInputPointsRange")))
                    : Promise.resolve();
                }
                if (value < 0 || value > 999999) return Promise.reject(new Error(t("evalInputValueRange")));
                if (measure && !Number.isInteger(value)) return Promise.reject(new Error(t("evalInputWhole")));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <InputNumber style={{ width: 120 }} step={1} />
        </Form.Item>
        <Form.Item name="note" label={t("evalInputNote")} rules={[{ max: 500 }]}>
          <Input style={{ width: 220 }} maxLength={500} />
        </Form.Item>
      </Space>
      <Space orientation="vertical" style={{ width: "100%" }}>
        {alert && <Alert type="error" showIcon title={alert} />}
        {saved && <Alert type="success" showIcon title={t("evalInputSaved")} />}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("evalInputSave")}
        </Button>
      </Space>
    </Form>
  );
}
