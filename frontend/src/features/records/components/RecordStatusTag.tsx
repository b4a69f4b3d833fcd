// A record's review status as a coloured tag.
import { Tag } from "antd";
import { enumLabel, useI18n } from "@/lib/i18n";

const COLOUR: Record<string, string> = { approved: "green", pending: "gold", rejected: "red" };

export function RecordStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={COLOUR[status]}>{enumLabel(t, "recordStatus", status)}</Tag>;
}
