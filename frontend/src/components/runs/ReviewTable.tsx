// A run's rows under review as a table (an assignment, a proposal): pin or remove a row, or add one by hand while
// the run is editable; refusals show the server's words. A row resting on a skill the volunteer only claims is
// tagged (未核验). The kind gives the columns that say what a row fills.
import { App, Button, Popconfirm, Space, Switch, Table, Tag } from "antd";
import { useState } from "react";
import { EmptyState, ErrorState } from "@/components/PageState";
import { UnverifiedSkillsTag } from "@/components/UnverifiedSkillsTag";
import { ApiError } from "@/lib/api";
import { enumLabel, useI18n } from "@/lib/i18n";
import { AddRowModal } from "./AddRowModal";
import type { RowShape, RunShape, UnfilledShape } from "./api";
import type { RunKind } from "./kind";

interface Props<Run extends RunShape, Row extends RowShape, Item extends UnfilledShape, AddBody> {
  kind: RunKind<Run, Row, Item, AddBody>;
  run: Run;
  editable: boolean;
}

export function ReviewTable<Run extends RunShape, Row extends RowShape, Item extends UnfilledShape, AddBody>({
  kind,
  run,
  editable,
}: Props<Run, Row, Item, AddBody>) {
  const { api, testIds } = kind;
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [adding, setAdding] = useState(false);
  const rows = api.useRows(run.id, page, pageSize);
  const pin = api.usePinRow(run.id);
  const remove = api.useRemoveRow(run.id);
  const refused = (error: unknown) => {
    modal.error({ title: t("refused"), content: error instanceof ApiError ? error.message : String(error) });
  };

  if (rows.isError) return <ErrorState error={rows.error} onRetry={() => rows.refetch()} />;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid={testIds.rows}>
      {editable && (
        <Button onClick={() => setAdding(true)} data-testid={testIds.add}>
          {t("addByHand")}
        </Button>
      )}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={rows.isLoading}
        dataSource={rows.data?.results}
        scroll={{ x: 760 }}
        locale={{ emptyText: <EmptyState text={t(kind.words.rowsEmpty)} /> }}
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
          ...kind.columns(t),
          {
            title: t("volunteer"),
            render: (_, row) => (
              <>
                {`${row.volunteer_name}（${row.volunteer_number}）`}{" "}
                <UnverifiedSkillsTag codes={row.unverified_skills} />
              </>
            ),
          },
          {
            title: t("source"),
            dataIndex: "source",
            render: (_, { source }) => (
              <Tag color={source === "manual" ? "purple" : "default"}>{enumLabel(t, "source", source)}</Tag>
            ),
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
                  render: (_: unknown, row: Row) => (
                    <Popconfirm
                      title={kind.removeConfirm(t, row)}
                      okText={t("confirm")}
                      cancelText={t("cancel")}
                      onConfirm={() =>
                        remove.mutate(row.id, { onSuccess: () => void message.success(t("removed")), onError: refused })
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
      {adding && <AddRowModal kind={kind} run={run} onClose={() => setAdding(false)} />}
    </Space>
  );
}
