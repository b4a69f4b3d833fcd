// A grade as a coloured tag: the scheme's own label in Chinese, the default grades' names in English.
import { Tag } from "antd";
import type { UnitEvaluation } from "../api/evaluations";
import { useI18n, type MessageKey } from "@/lib/i18n";

const COLORS: Record<string, string> = { excellent: "green", good: "blue", fair: "orange", failing: "red" };

export function GradeTag({ row }: { row: Pick<UnitEvaluation, "grade" | "grade_label"> }) {
  const { t, lang } = useI18n();
  const known = row.grade in COLORS;
  const label = lang === "en" && known ? t(`grade_${row.grade}` as MessageKey) : row.grade_label;
  return <Tag color={COLORS[row.grade] ?? "default"}>{label}</Tag>;
}

export const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? "—" : `${(rate * 100).toFixed(1)}%`;
