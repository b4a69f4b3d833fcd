// The plan as a table: pin or remove a row, or put someone on a shift by hand; refusals show the server's words.
// A row resting on a skill the volunteer only claims is tagged (未核验).
import { App, Button, Popconfirm, Space, Switch, Table, Tag } from "antd";
import { useState } from "react";
import { EmptyState, ErrorState } from "@/components/PageState";
import { UnverifiedSkillsTag } from "@/components/UnverifiedSkillsTag";
import { ApiError } from "@/lib/api";
import { formatSpan } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useAssignments, usePinAssignment, useRemoveAssignment } from "../api/review";
import type { Assignment, MatchingRun } from "../api/types";
import { AddAssignmentModal } from "./AddAssignmentModal";

export function AssignmentsTable({ run, editable }: { run: MatchingRun; editable: boolean }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [adding, setAdding] = useState(false);
  const rows = useAssignments(run.id, page, pageSize);
  const pin = usePinAssignment(run.id);
  const remove = useRemoveAssignment(run.id);

  const refused = (error: unknown) =>
    modal.error({ title: t("refused"), content: error instanceof ApiError ? error.message : String(error) });

  if (rows.isError) return <ErrorState error={rows.error} onRetry={() => rows.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {editable && (
        <Button onClick={() => setAdding(true)} data-testid="add-assignment">
          {t("addByHand")}
        </Button>
      )}
      <Table<Assignment>
        rowKey="id"
        size="small"
        loading={rows.isLoading}
        dataSource={rows.data?.results}
        scroll={{ x: 760 }}
        locale={{ emptyText: <EmptyState text={t("assignmentsEmpty")} /> }}
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
          { title: t("shift"), dataIndex: "shift_title" },
          { title: t("time"), render: (_, row) => formatSpan(row.shift_start, row.shift_end) },
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
                  render: (_: unknown, row: Assignment) => (
                    <Popconfirm
                      title={t("removeConfirm", { name: row.volunteer_name })}
                      onConfirm={() =>
                        remove.mutate(row.id, { onSuccess: () => message.success(t("removed")), onError: refused })
                      }
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
      {adding && <AddAssignmentModal run={run} onClose={() => setAdding(false)} />}
    </Space>
  );
}
