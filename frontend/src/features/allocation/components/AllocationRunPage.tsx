// One post allocation run (components/runs/RunPage.tsx): followed while it is queued or solving; then the review
// of its proposals (pin, remove, add by hand) and unfilled posts, re-run (on the server) and publish.
import { Descriptions, Space, Spin, Typography } from "antd";
import { ReviewTable } from "@/components/runs/ReviewTable";
import { RunPage } from "@/components/runs/RunPage";
import { RunProgressCard } from "@/components/runs/RunProgressCard";
import { RunStatusTag } from "@/components/runs/RunStatusTag";
import { scopeName } from "@/components/runs/scope";
import { UnfilledList } from "@/components/runs/UnfilledList";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { allocationRuns } from "../api/runs";
import type { AllocationRun } from "../api/types";
import { allocationKind, seatsText } from "./allocationKind";

function Progress({ run }: { run: AllocationRun }) {
  const { t } = useI18n();
  const cancel = allocationRuns.useCancel(run.id);
  return (
    <RunProgressCard title="allocationProgressTitle" testId="allocation-progress" cancel={cancel}>
      <Space>
        <Spin size="small" />
        <Typography.Text>
          {t("allocationProgressText", { scope: scopeName(run, t("district")), year: run.year })}
        </Typography.Text>
        <RunStatusTag status={run.status} />
      </Space>
    </RunProgressCard>
  );
}

function Summary({ run }: { run: AllocationRun }) {
  const { t } = useI18n();
  const gap = run.stats.gap;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} data-testid="allocation-summary">
      <Descriptions.Item label={t("filledPostSeats")}>{seatsText(run)}</Descriptions.Item>
      <Descriptions.Item label={t("gap")}>
        {typeof gap === "number" ? `${(gap * 100).toFixed(1)}%` : "—"}
      </Descriptions.Item>
      <Descriptions.Item label={t("solveSeconds")}>{run.stats.seconds ?? "—"}</Descriptions.Item>
      <Descriptions.Item label={t("createdAt")}>{formatDateTime(run.created_at)}</Descriptions.Item>
    </Descriptions>
  );
}

export function AllocationRunPage() {
  const { t } = useI18n();
  return (
    <RunPage
      kind={allocationKind}
      title={(run) => t("allocationRunTitle", { scope: scopeName(run, t("district")), year: run.year })}
      progress={(run) => <Progress run={run} />}
      summary={(run) => <Summary run={run} />}
      tabs={(run, editable) => [
        {
          key: "proposals",
          label: t("tabProposals"),
          children: <ReviewTable kind={allocationKind} run={run} editable={editable} />,
        },
        {
          key: "unfilled",
          label: t("tabUnfilledPosts"),
          children: <UnfilledList kind={allocationKind} run={run} editable={editable} />,
        },
      ]}
    />
  );
}
