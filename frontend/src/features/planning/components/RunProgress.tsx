// The live progress of a working run: stage, percentage and optimality gap, as the server reports them.
import { Button, Card, Progress, Space, Typography } from "antd";
import { useI18n } from "@/lib/i18n";
import { useCancelRun } from "../api/runs";
import { scopeName, type MatchingRun } from "../api/types";
import { RunStatusTag } from "./RunStatusTag";

export function RunProgress({ run }: { run: MatchingRun }) {
  const { t } = useI18n();
  const cancel = useCancelRun(run.id);
  return (
    <Card title={t("progressTitle")} data-testid="run-progress">
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Text>{t("progressText", { scope: scopeName(run, t("district")) })}</Typography.Text>
        <Progress percent={run.progress} status="active" aria-label={t("progressTitle")} />
        <Space wrap>
          <RunStatusTag status={run.status} />
          <span>
            {t("stage")}：{run.stage || "—"}
          </span>
          {run.gap !== null && (
            <span>
              {t("gap")}：{(run.gap * 100).toFixed(2)}%
            </span>
          )}
        </Space>
        <Button danger onClick={() => cancel.mutate()} loading={cancel.isPending}>
          {t("cancelRun")}
        </Button>
      </Space>
    </Card>
  );
}
