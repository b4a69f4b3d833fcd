// A run's status as a coloured tag.
import { Tag } from "antd";
import { enumLabel, useI18n } from "@/lib/i18n";
import type { RunStatus } from "../api/types";

const COLOURS: Record<RunStatus, string> = {
  queued: "default",
  building: "processing",
  solving: "processing",
  saving: "processing",
  done: "success",
  failed: "error",
  cancelled: "warning",
};

export function RunStatusTag({ status }: { status: RunStatus }) {
  const { t } = useI18n();
  return <Tag color={COLOURS[status]}>{enumLabel(t, "runStatus", status)}</Tag>;
}
