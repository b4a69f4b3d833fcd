// A run's status as a coloured tag, for every kind of run: each status still working shows as in progress.
import { Tag } from "antd";
import { enumLabel, useI18n } from "@/lib/i18n";

const ENDED: Record<string, string> = { queued: "default", done: "success", failed: "error", cancelled: "warning" };

export function RunStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={ENDED[status] ?? "processing"}>{enumLabel(t, "runStatus", status)}</Tag>;
}
