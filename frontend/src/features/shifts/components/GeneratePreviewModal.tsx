// The week's generation, previewed first: every shift the posts, projects and needs would add (with counts by
// origin) and those already there, which are never made twice; confirming adds what the preview listed.
import { Alert, Modal, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ErrorState, Loading } from "@/components/PageState";
import { formatSpan } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useGeneratePreview, useGenerateWeek, type PlannedShift } from "../api/shifts";

function PlanTag({ item }: { item: PlannedShift }) {
  const { t } = useI18n();
  if (item.new) return <Tag color="green">{t("planNew")}</Tag>;
  if (item.existing_status === "cancelled") return <Tag color="red">{t("planCancelled")}</Tag>;
  return <Tag>{t("planExisting")}</Tag>;
}

export function GeneratePreviewModal({
  week,
  onDone,
  onClose,
}: {
  week: string;
  onDone: (created: number) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const preview = useGeneratePreview(week);
  const generate = useGenerateWeek();
  const [error, setError] = useState<string | null>(null);
  const plan = preview.data;
  const confirm = () => {
    setError(null);
    generate.mutate(week, {
      onSuccess: (result) => onDone(result.created),
      onError: (e) => setError(e.message),
    });
  };
  return (
    <Modal
      open
      title={t("generateTitle", { week })}
      width={900}
      onCancel={onClose}
      onOk={confirm}
      okText={t("generateConfirm")}
      cancelText={t("cancel")}
      okButtonProps={{ disabled: !plan || plan.created === 0 }}
      confirmLoading={generate.isPending}
    >
      {preview.isLoading && <Loading />}
      {preview.isError && <ErrorState error={preview.error} onRetry={() => preview.refetch()} />}
      {plan && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Typography.Text data-testid="generate-summary">
            {plan.created
              ? t("generateSummary", { created: plan.created, existing: plan.existing })
              : t("generateNothing")}
          </Typography.Text>
          <Space size={4} wrap>
            {Object.entries(plan.by_origin).map(([origin, count]) => (
              <Tag key={origin}>{t("generateByOrigin", { origin: enumLabel(t, "origin", origin), count })}</Tag>
            ))}
          </Space>
          <Table<PlannedShift>
            size="small"
            rowKey="key"
            dataSource={plan.items}
            pagination={plan.items.length > 50 ? { pageSize: 50 } : false}
            columns={[
              { title: t("status"), render: (_, item) => <PlanTag item={item} /> },
              { title: t("origin"), render: (_, item) => enumLabel(t, "origin", item.origin) },
              { title: t("name"), dataIndex: "title" },
              { title: t("community"), dataIndex: "community_name" },
              { title: t("time"), render: (_, item) => formatSpan(item.start, item.end) },
              { title: t("seats"), dataIndex: "seats" },
              {
                title: t("planResource"),
                render: (_, item) => (item.resource_kind ? enumLabel(t, "cat", item.resource_kind) : ""),
              },
            ]}
          />
          {error && <Alert type="error" showIcon title={error} role="alert" />}
        </Space>
      )}
    </Modal>
  );
}
