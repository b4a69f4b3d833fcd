// Loading, error and empty states shared by every page; an empty state always says what to do next.
import { Alert, Button, Empty, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n";

export function Loading() {
  const { t } = useI18n();
  return (
    <div style={{ padding: 48, textAlign: "center" }}>
      <Spin tip={t("loading")}>
        <div style={{ minHeight: 40 }} />
      </Spin>
    </div>
  );
}

/** `onRetry`: a query's refetch; its promise is not awaited here, since a failure shows in the query's state again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => Promise<unknown> }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={t("errorTitle")}
      description={error instanceof Error ? error.message : String(error)}
      action={onRetry ? <Button onClick={() => void onRetry()}>{t("retry")}</Button> : undefined}
    />
  );
}

export function EmptyState({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <div data-testid="empty-state">
      <Empty description={text}>{action}</Empty>
    </div>
  );
}

export function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title="403" subTitle={t("forbiddenText")} />;
}
