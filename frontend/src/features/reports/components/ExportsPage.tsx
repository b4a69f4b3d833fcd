// 导出 (coordinators): request an export of what they may see, follow it and download the file.
import { Card, Space, Typography } from "antd";
import { EXPORT_KINDS } from "../api/exports";
import { useI18n } from "@/lib/i18n";
import { ExportForm } from "./ExportForm";
import { ExportJobList } from "./ExportJobList";

export function ExportsPage() {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("exportsTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t("exportsHelp")}
      </Typography.Paragraph>
      <Card title={t("exportNew")}>
        <ExportForm kinds={EXPORT_KINDS} />
      </Card>
      <Card title={t("exportJobs")}>
        <ExportJobList />
      </Card>
    </Space>
  );
}

/** A volunteer's own service records, on 我的时长. */
export function MyRecordsExportCard() {
  const { t } = useI18n();
  return (
    <Card title={t("exportMine")} data-testid="my-records-export">
      <Typography.Paragraph type="secondary">{t("exportMineHelp")}</Typography.Paragraph>
      <ExportForm kinds={["service_records"]} />
      <ExportJobList compact />
    </Card>
  );
}
