// 服务记录审核: the pending manual entries of the coordinator's scope, each approved or rejected with a note; the
// district's points rules open from here (read by coordinators, changed by the district's administrators).
import { Button, Space, Tooltip, message } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { SimpleList } from "@/components/SimpleList";
import { useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import { useRecords, type ServiceRecord } from "../api/records";
import { PointsRulesModal } from "./PointsRulesModal";
import { ReviewNoteModal } from "./ReviewNoteModal";

export function RecordReviewPage() {
  const { t } = useI18n();
  const [acting, setActing] = useState<{ record: ServiceRecord; action: "approve" | "reject" } | null>(null);
  const [toast, holder] = message.useMessage();
  const [rulesOpen, setRulesOpen] = useState(false);
  const me = useSession();
  const columns: ColumnsType<ServiceRecord> = [
    { title: t("recordDate"), dataIndex: "date", width: 110 },
    { title: t("volunteer"), key: "volunteer", render: (_, row) => `${row.volunteer_name} (${row.volunteer_number})` },
    { title: t("community"), dataIndex: "community_name" },
    { title: t("recordTitle"), dataIndex: "title" },
    { title: t("hours"), dataIndex: "hours", width: 80, render: (hours: number) => hours.toFixed(1) },
    {
      title: t("recordEvidence"),
      dataIndex: "evidence",
      ellipsis: { showTitle: false },
      render: (evidence: string) => (
        <Tooltip title={evidence}>
          <span>{evidence}</span>
        </Tooltip>
      ),
    },
    {
      title: t("actions"),
      key: "actions",
      width: 160,
      render: (_, row) => (
        <Space>
          <Button size="small" type="primary" onClick={() => setActing({ record: row, action: "approve" })}>
            {t("recordApprove")}
          </Button>
          <Button size="small" danger onClick={() => setActing({ record: row, action: "reject" })}>
            {t("recordReject")}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      {holder}
      <SimpleList<ServiceRecord>
        title={t("recordReviewTitle")}
        useRows={useRecords}
        columns={columns}
        emptyText={t("recordReviewEmpty")}
        searchable={false}
        filters={{ status: "pending", source: "manual" }}
        extra={
          <Button onClick={() => setRulesOpen(true)} data-testid="points-rules-open">
            {t("pointsRules")}
          </Button>
        }
      />
      {rulesOpen && (
        <PointsRulesModal
          editable={me.role === "admin"}
          onClose={() => setRulesOpen(false)}
          onSaved={() => {
            toast.success(t("pointsRulesSaved"));
            setRulesOpen(false);
          }}
        />
      )}
      {acting && (
        <ReviewNoteModal
          record={acting.record}
          action={acting.action}
          onClose={() => setActing(null)}
          onDone={() => {
            toast.success(t(acting.action === "reject" ? "recordRejected" : "recordApproved"));
            setActing(null);
          }}
        />
      )}
    </>
  );
}
