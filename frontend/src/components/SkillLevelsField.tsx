// A form's required skills with the lowest level asked of each (1-5): a choice of skills from the catalogue
// (form field `skills`), then one level per chosen skill (`levels.<code>`, empty meaning 1). The form turns them
// into the API's {code: level} with `skillLevelsOf`.
import { Form, InputNumber, Select, Space } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n";
import { useSkillNames, useSkillOptions } from "@/lib/skills";

/** {code: level} from the chosen skills: a level set here, else the one from before, else 1. */
export function skillLevelsOf(
  skills: string[] | undefined,
  levels: Record<string, number | null> | undefined,
  before?: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries((skills ?? []).map((code) => [code, levels?.[code] ?? before?.[code] ?? 1]));
}

export function SkillLevelsField({ levelsLabel, levelsHelp }: { levelsLabel: ReactNode; levelsHelp: ReactNode }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const skillOptions = useSkillOptions();
  const skillName = useSkillNames();
  const chosen = (Form.useWatch("skills", form) as string[] | undefined) ?? [];
  return (
    <>
      <Form.Item name="skills" label={t("skills")}>
        <Select mode="multiple" allowClear showSearch={{ optionFilterProp: "label" }} options={skillOptions} />
      </Form.Item>
      {chosen.length > 0 && (
        <Form.Item label={levelsLabel} extra={levelsHelp}>
          <Space wrap>
            {chosen.map((code) => (
              <Space.Compact key={code}>
                <Space.Addon>{skillName(code)}</Space.Addon>
                <Form.Item
                  name={["levels", code]}
                  noStyle
                  rules={[{ type: "number", min: 1, max: 5, message: t("levelInvalid") }]}
                >
                  <InputNumber
                    min={1}
                    max={5}
                    precision={0}
                    placeholder="1"
                    style={{ width: 64 }}
                    aria-label={`${skillName(code)} ${t("level")}`}
                  />
                </Form.Item>
              </Space.Compact>
            ))}
          </Space>
        </Form.Item>
      )}
    </>
  );
}
