// An import run's status as a coloured tag.
import { Tag } from "antd";
import { enumLabel, useI18n } from "@/lib/i18n";
import type { ImportStatus } from "../api/imports";

const COLORS: Record<ImportStatus, string> = {
  checked: "gold",
  queued: "blue",
  importing: "processing",
  done: "green",
  failed: "red",
  cancelled: "default",
};

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]}>{enumLabel(t, "importStatus", status)}</Tag>;
}
