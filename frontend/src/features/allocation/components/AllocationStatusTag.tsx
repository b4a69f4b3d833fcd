// An allocation run's status as a coloured tag.
import { Tag } from "antd";
import { enumLabel, useI18n } from "@/lib/i18n";
import type { AllocationStatus } from "../api/types";

const COLOURS: Record<AllocationStatus, string> = {
  queued: "default",
  solving: "processing",
  done: "success",
  failed: "error",
  cancelled: "warning",
};

export function AllocationStatusTag({ status }: { status: AllocationStatus }) {
  const { t } = useI18n();
  return <Tag color={COLOURS[status]}>{enumLabel(t, "runStatus", status)}</Tag>;
}
