// The card of a run that still works: what the kind shows of its progress, and the button that cancels it.
import type { UseMutationResult } from "@tanstack/react-query";
import { Button, Card, Space } from "antd";
import type { ReactNode } from "react";
import { useI18n, type MessageKey } from "@/lib/i18n";

interface Props {
  title: MessageKey;
  testId: string;
  cancel: UseMutationResult<unknown, Error, void>;
  children: ReactNode;
}

export function RunProgressCard({ title, testId, cancel, children }: Props) {
  const { t } = useI18n();
  return (
    <Card title={t(title)} data-testid={testId}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        {children}
        <Button danger onClick={() => cancel.mutate()} loading={cancel.isPending}>
          {t("cancelRun")}
        </Button>
      </Space>
    </Card>
  );
}
