// The live progress of a working matching run: stage, percentage and optimality gap, as the server reports them.
import { Progress, Space, Typography } from "antd";
import { RunProgressCard } from "@/components/runs/RunProgressCard";
import { RunStatusTag } from "@/components/runs/RunStatusTag";
import { useI18n } from "@/lib/i18n";
import { useCancelRun } from "../api/runs";
import { scopeName, type MatchingRun } from "../api/types";

export function RunProgress({ run }: { run: MatchingRun }) {
  const { t } = useI18n();
  const cancel = useCancelRun(run.id);
  return (
    <RunProgressCard title="progressTitle" testId="run-progress" cancel={cancel}>
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
    </RunProgressCard>
  );
}
