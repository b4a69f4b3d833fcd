// The volunteer's own service records, paged, with their review status; 补录 opens the manual entry form.
import { Button, Tooltip, Typography, message } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { SimpleList } from "@/components/SimpleList";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useRecords, type ServiceRecord } from "../api/records";
import { ManualEntryModal } from "./ManualEntryModal";
import { RecordStatusTag } from "./RecordStatusTag";

export function MyRecords() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [toast, holder] = message.useMessage();
  const columns: ColumnsType<ServiceRecord> = [
    { title: t("recordDate"), dataIndex: "date", width: 110 },
    { title: t("recordTitle"), dataIndex: "title" },
    { title: t("hours"), dataIndex: "hours", width: 80, render: (hours: number) => hours.toFixed(1) },
    {
      title: t("recordSource"),
      dataIndex: "source",
      width: 90,
      render: (source: string) => enumLabel(t, "recordSource", source),
    },
    {
      title: t("status"),
      dataIndex: "status",
      width: 100,
      render: (status: string, row) =>
        row.review_note ? (
          <Tooltip title={row.review_note}>
            <span>
              <RecordStatusTag status={status} />
            </span>
          </Tooltip>
        ) : (
          <RecordStatusTag status={status} />
        ),
    },
  ];
  return (
    <>
      {holder}
      <SimpleList<ServiceRecord>
        title={t("myRecordsTitle")}
        useRows={useRecords}
        columns={columns}
        emptyText={t("myRecordsEmpty")}
        searchable={false}
        extra={
          <Button type="primary" onClick={() => setOpen(true)}>
            {t("manualEntry")}
          </Button>
        }
      />
      <Typography.Text type="secondary">{t("myRecordsHelp")}</Typography.Text>
      {open && (
        <ManualEntryModal
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            toast.success(t("manualEntryDone"));
          }}
        />
      )}
    </>
  );
}
