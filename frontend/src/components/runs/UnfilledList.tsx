// What a run could not fill (seats of a shift, seats of a post): each item as the kind shows it, with 手动安排 while
// the run is editable, opening the add modal on that item; below, what else the kind says (recruitment).
import { Button, List, Space } from "antd";
import { useState } from "react";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { useI18n } from "@/lib/i18n";
import { AddRowModal } from "./AddRowModal";
import type { RowShape, RunShape, UnfilledShape } from "./api";
import type { RunKind } from "./kind";

interface Props<Run extends RunShape, Row extends RowShape, Item extends UnfilledShape, AddBody> {
  kind: RunKind<Run, Row, Item, AddBody>;
  run: Run;
  editable: boolean;
}

export function UnfilledList<Run extends RunShape, Row extends RowShape, Item extends UnfilledShape, AddBody>({
  kind,
  run,
  editable,
}: Props<Run, Row, Item, AddBody>) {
  const { Unfilled, UnfilledFooter, unfilledPageSize: pageSize } = kind;
  const { t } = useI18n();
  const unfilled = kind.api.useUnfilled(run.id);
  const [adding, setAdding] = useState<number | null>(null);
  if (unfilled.isLoading) return <Loading />;
  if (unfilled.isError) return <ErrorState error={unfilled.error} onRetry={() => unfilled.refetch()} />;
  const rows = unfilled.data ?? [];
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid={kind.testIds.unfilled}>
      {rows.length === 0 ? (
        <EmptyState text={t(kind.words.unfilledEmpty)} />
      ) : (
        <List
          dataSource={rows}
          pagination={pageSize ? { pageSize, size: "small" } : undefined}
          renderItem={(item) => (
            <List.Item
              actions={
                editable
                  ? [
                      <Button key="add" size="small" onClick={() => setAdding(kind.target.of(item))}>
                        {t("addByHand")}
                      </Button>,
                    ]
                  : []
              }
            >
              <Unfilled item={item} />
            </List.Item>
          )}
        />
      )}
      {UnfilledFooter && <UnfilledFooter run={run} />}
      {adding !== null && <AddRowModal kind={kind} run={run} initial={adding} onClose={() => setAdding(null)} />}
    </Space>
  );
}
