// The withdrawals made in this session, each with its take-back (取消撤回). A take-back the server refuses
// (bookings already given to other resources, 409) shows the server's words.
import { Alert, App, Button, Card, List, Typography } from "antd";
import { ApiError } from "@/lib/api";
import { useI18n } from "@/lib/i18n";
import { useCancelWithdrawal, useRecentWithdrawals } from "../api/lending";

export function useTakeBack() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const cancel = useCancelWithdrawal();
  const takeBack = (resource: number, date: string) =>
    cancel.mutate(
      { resource, date },
      {
        onSuccess: () => message.success(t("takeBackOk")),
        onError: (e) => modal.error({ title: t("takeBackRefused"), content: e instanceof ApiError ? e.message : String(e) }),
      },
    );
  return { takeBack, pending: cancel.isPending };
}

export function RecentWithdrawals() {
  const { t } = useI18n();
  const recent = useRecentWithdrawals();
  const { takeBack, pending } = useTakeBack();
  const rows = recent.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Card size="small" title={t("recentWithdrawals")} data-testid="recent-withdrawals">
      <Alert type="info" showIcon title={t("withdrawnInfo")} style={{ marginBottom: 8 }} />
      <List
        size="small"
        dataSource={rows}
        renderItem={(w) => (
          <List.Item
            actions={[
              <Button key="back" size="small" onClick={() => takeBack(w.resource, w.date)} loading={pending}>
                {t("takeBack")}
              </Button>,
            ]}
          >
            <Typography.Text>
              {w.resource_name} · {w.date}
              {w.reason && <Typography.Text type="secondary">（{w.reason}）</Typography.Text>}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
