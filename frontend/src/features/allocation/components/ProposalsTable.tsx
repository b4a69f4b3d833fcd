// The run's plan as a table: who is proposed for which post; pin, remove, or add by hand while it is editable.
import { App, Button, Popconfirm, Space, Switch, Table, Tag } from "antd";
import { useState } from "react";
import { EmptyState, ErrorState } from "@/components/PageState";
import { UnverifiedSkillsTag } from "@/components/UnverifiedSkillsTag";
import { ApiError } from "@/lib/api";
import { enumLabel, useI18n } from "@/lib/i18n";
import { usePinProposal, useProposals, useRemoveProposal } from "../api/review";
import type { AllocationRun, Proposal } from "../api/types";
import { AddProposalModal } from "./AddProposalModal";

export function ProposalsTable({ run, editable }: { run: AllocationRun; editable: boolean }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [adding, setAdding] = useState(false);
  const rows = useProposals(run.id, page, pageSize);
  const pin = usePinProposal(run.id);
  const remove = useRemoveProposal(run.id);
  const refused = (error: unknown) =>
    modal.error({ title: t("refused"), content: error instanceof ApiError ? error.message : String(error) });

  if (rows.isError) return <ErrorState error={rows.error} onRetry={() => rows.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="proposals-table">
      {editable && <Button onClick={() => setAdding(true)}>{t("addByHand")}</Button>}
      <Table<Proposal>
        rowKey="id"
        size="small"
        loading={rows.isLoading}
        dataSource={rows.data?.results}
        scroll={{ x: 760 }}
        locale={{ emptyText: <EmptyState text={t("proposalsEmpty")} /> }}
        pagination={{
          current: page,
          pageSize,
          total: rows.data?.count,
          showTotal: (count) => t("total", { count }),
          onChange: (p, size) => {
            setPage(p);
            setPageSize(size);
          },
        }}
        columns={[
          { title: t("post"), dataIndex: "post_name" },
          { title: t("category"), dataIndex: "post_category", render: (v) => enumLabel(t, "postCategory", v) },
          { title: t("community"), dataIndex: "community_name" },
          {
            title: t("volunteer"),
            render: (_, row) => (
              <>
                {`${row.volunteer_name}（${row.volunteer_number}）`} <UnverifiedSkillsTag codes={row.unverified_skills} />
              </>
            ),
          },
          {
            title: t("source"),
            dataIndex: "source",
            render: (source) => <Tag color={source === "manual" ? "purple" : "default"}>{enumLabel(t, "source", source)}</Tag>,
          },
          {
            title: t("pinned"),
            render: (_, row) => (
              <Switch
                size="small"
                checked={row.pinned}
                disabled={!editable}
                aria-label={`${t("pinned")} ${row.volunteer_name}`}
                onChange={(pinned) => pin.mutate({ id: row.id, pinned }, { onError: refused })}
              />
            ),
          },
          ...(editable
            ? [
                {
                  title: t("actions"),
                  render: (_: unknown, row: Proposal) => (
                    <Popconfirm
                      title={t("removeProposalConfirm", { name: row.volunteer_name, post: row.post_name })}
                      okText={t("confirm")}
                      cancelText={t("cancel")}
                      onConfirm={() => remove.mutate(row.id, { onSuccess: () => message.success(t("removed")), onError: refused })}
                    >
                      <Button type="link" danger size="small">
                        {t("remove")}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <AddProposalModal run={run} onClose={() => setAdding(false)} />}
    </Space>
  );
}
