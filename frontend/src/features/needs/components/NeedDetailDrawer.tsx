// One need in full (the requester's contact unmasked for the coordinators of its scope) with its owner history (首问
// 责任): every owner, from when, handed over by whom and why; editing and handing over start here too.
import { Button, Descriptions, Drawer, Space, Table, Tag } from "antd";
import { ErrorState, Loading } from "@/components/PageState";
import { SkillTags } from "@/components/SkillTags";
import { formatDateTime } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useNeed, useNeedOwners, type Need, type NeedOwnership } from "../api/needs";

export function NeedDetailDrawer({
  id,
  onClose,
  onEdit,
  onHandOver,
}: {
  id: number;
  onClose: () => void;
  onEdit: (need: Need) => void;
  onHandOver: (need: Need) => void;
}) {
  const { t } = useI18n();
  const need = useNeed(id);
  const owners = useNeedOwners(id);
  const n = need.data;
  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={n ? t("needDetailTitle", { title: n.title }) : t("loading")}
      extra={
        n && (
          <Space>
            <Button onClick={() => onEdit(n)}>{t("edit")}</Button>
            <Button onClick={() => onHandOver(n)}>{t("needHandOver")}</Button>
          </Space>
        )
      }
    >
      {need.isLoading && <Loading />}
      {need.error && <ErrorState error={need.error} onRetry={need.refetch} />}
      {n && (
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t("status")}>
            <Tag>{enumLabel(t, "needStatus", n.status)}</Tag>
            {n.overdue && <Tag color="red">{t("overdue")}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t("needOwner")}>{n.owner_name ?? t("needNoOwner")}</Descriptions.Item>
          <Descriptions.Item label={t("deadline")}>{n.deadline ?? ""}</Descriptions.Item>
          <Descriptions.Item label={t("urgency")}>{n.urgency}</Descriptions.Item>
          <Descriptions.Item label={t("category")}>{enumLabel(t, "needCategory", n.category)}</Descriptions.Item>
          <Descriptions.Item label={t("needType")}>
            {enumLabel(t, "needType", n.type)}
            {n.is_micro_wish && <Tag color="pink">{t("microWish")}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t("source")}>{enumLabel(t, "needSource", n.source)}</Descriptions.Item>
          <Descriptions.Item label={t("community")}>{n.community_name}</Descriptions.Item>
          <Descriptions.Item label={t("needHeadcount")}>{n.headcount}</Descriptions.Item>
          <Descriptions.Item label={t("needWanted")}>
            {n.wanted_start ? `${formatDateTime(n.wanted_start)} – ${formatDateTime(n.wanted_end)}` : ""}
          </Descriptions.Item>
          <Descriptions.Item label={t("skills")} span={2}>
            <SkillTags skills={n.required_skills ?? {}} />
          </Descriptions.Item>
          <Descriptions.Item label={t("needRequester")}>{n.requester_name}</Descriptions.Item>
          <Descriptions.Item label={t("needRequesterPhone")}>{n.requester_phone}</Descriptions.Item>
          <Descriptions.Item label={t("needDescription")} span={2}>
            {n.description}
          </Descriptions.Item>
        </Descriptions>
      )}
      <h4 style={{ marginTop: 24 }}>{t("needOwnerHistory")}</h4>
      <Table<NeedOwnership>
        size="small"
        pagination={false}
        loading={owners.isLoading}
        dataSource={owners.data ?? []}
        rowKey={(row) => `${row.since}-${row.owner ?? ""}`}
        data-testid="need-owner-history"
        columns={[
          { title: t("needOwner"), dataIndex: "owner_name", render: (name: string | null) => name ?? "—" },
          { title: t("needOwnerSince"), dataIndex: "since", render: (since: string) => formatDateTime(since) },
          {
            title: t("needOwnerAssignedBy"),
            dataIndex: "assigned_by_name",
            render: (name: string | null) => name ?? "—",
          },
          {
            title: t("needOwnerReason"),
            dataIndex: "reason",
            render: (reason: string, _row, index) => reason || (index === 0 ? t("needOwnerFiled") : ""),
          },
        ]}
      />
    </Drawer>
  );
}
