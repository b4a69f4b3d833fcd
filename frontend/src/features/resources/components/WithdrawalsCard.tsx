// The upcoming withdrawals (撤回记录, from today on, as the server lists them), each with its take-back (取消撤回)
// while no booking has gone to another resource because of it, and a tag saying so once one has. A take-back the
// server refuses (bookings already given to other resources, 409) shows the server's words.
import { Alert, App, Button, Card, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { EmptyState, ErrorState } from "@/components/PageState";
import { ApiError } from "@/lib/api";
import { useI18n } from "@/lib/i18n";
import { useCancelWithdrawal, useWithdrawals } from "../api/lending";

const PAGE_SIZE = 10;

export function useTakeBack() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const cancel = useCancelWithdrawal();
  const takeBack = (resource: number, date: string) =>
    cancel.mutate(
      { resource, date },
      {
        onSuccess: () => void message.success(t("takeBackOk")),
        onError: (e) =>
          void modal.error({ title: t("takeBackRefused"), content: e instanceof ApiError ? e.message : String(e) }),
      },
    );
  /** Whether the take-back of this resource and day is on its way. */
  const pending = (resource: number, date: string) =>
    cancel.isPending && cancel.variables?.resource === resource && cancel.variables.date === date;
  return { takeBack, pending };
}

/** `resource` narrows the list to one resource (key the card by it so that its paging starts over). */
export function WithdrawalsCard({ resource, hideWhenEmpty = false }: { resource?: number; hideWhenEmpty?: boolean }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useWithdrawals({ resource, page, page_size: PAGE_SIZE });
  const { takeBack, pending } = useTakeBack();
  const rows = list.data?.results ?? [];
  const count = list.data?.count ?? 0;
  if (hideWhenEmpty && list.isSuccess && count === 0) return null;
  return (
    <Card size="small" title={t("withdrawalsTitle")} data-testid="withdrawals">
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <>
          <Alert type="info" showIcon title={t("withdrawnInfo")} style={{ marginBottom: 8 }} />
          <List
            size="small"
            loading={list.isLoading}
            dataSource={rows}
            rowKey="id"
            locale={{ emptyText: <EmptyState text={t("withdrawalsEmpty")} /> }}
            pagination={
              count > PAGE_SIZE
                ? { current: page, pageSize: PAGE_SIZE, total: count, size: "small", onChange: setPage }
                : false
            }
            renderItem={(w) => (
              <List.Item
                data-testid="withdrawal"
                actions={[
                  w.can_take_back ? (
                    <Button
                      key="back"
                      size="small"
                      onClick={() => takeBack(w.resource, w.date)}
                      loading={pending(w.resource, w.date)}
                    >
                      {t("takeBack")}
                    </Button>
                  ) : (
                    <Tag key="moved" color="orange">
                      {t("withdrawalMoved")}
                    </Tag>
                  ),
                ]}
              >
                <Space size={4} wrap>
                  <Typography.Text>
                    {w.resource_name} · {w.date}
                  </Typography.Text>
                  {w.reason && <Typography.Text type="secondary">（{w.reason}）</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
