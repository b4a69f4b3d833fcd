// 定岗 runs as the shared run pages (components/runs) take them: the proposals (post, category, community), a member
// proposed by hand for one of the scope's active posts (a refusal said in words even when it lands on a field),
// and the unfilled posts with their reasons and suggestions.
import { Space, Tag, Typography } from "antd";
import { runKind } from "@/components/runs/kind";
import { runScope } from "@/components/runs/scope";
import { enumLabel, useI18n } from "@/lib/i18n";
import { usePostOptions } from "../api/lookups";
import { allocationPath, allocationRuns } from "../api/runs";
import type { AllocationRun, UnfilledPost } from "../api/types";

/** The post seats filled, of all. */
export function seatsText(run: AllocationRun) {
  const m = run.stats.metrics;
  return m?.total_seats ? `${m.filled_seats ?? 0} / ${m.total_seats}` : "—";
}

function usePostChoices(run: AllocationRun) {
  const posts = usePostOptions(runScope(run));
  return {
    loading: posts.isLoading,
    options: (posts.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.community_name}` })),
  };
}

function UnfilledPostItem({ item }: { item: UnfilledPost }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={2}>
      <Space wrap>
        <Typography.Text strong>{item.post_name}</Typography.Text>
        <Typography.Text type="secondary">{item.community_name}</Typography.Text>
        <Tag color="red">{t("missing", { count: item.missing })}</Tag>
      </Space>
      {item.reasons.map((r, i) => (
        <Typography.Text key={i} type="secondary">
          · {r.message}
        </Typography.Text>
      ))}
      {item.suggestion && (
        <Typography.Text>
          {t("suggestion")}：{item.suggestion}
        </Typography.Text>
      )}
    </Space>
  );
}

export const allocationKind = runKind({
  api: allocationRuns,
  path: allocationPath,
  words: {
    title: "allocationTitle",
    intro: "allocationIntro",
    startTitle: "startAllocationTitle",
    runsEmpty: "allocationEmpty",
    publishConfirm: "allocationPublishConfirm",
    publishedOk: "allocationPublishedOk",
    readOnly: "allocationReadOnly",
    rowsEmpty: "proposalsEmpty",
    unfilledEmpty: "unfilledPostsEmpty",
    addTitle: "addProposalTitle",
    targetRequired: "postRequired",
  },
  testIds: { published: "allocation-published", unfilled: "unfilled-posts", rows: "proposals-table" },
  period: (t) => ({ title: t("year"), dataIndex: "year" }),
  filled: (t) => ({ title: t("filledPostSeats"), render: (_, run) => seatsText(run) }),
  columns: (t) => [
    { title: t("post"), dataIndex: "post_name" },
    {
      title: t("category"),
      dataIndex: "post_category",
      render: (_, row) => enumLabel(t, "postCategory", row.post_category),
    },
    { title: t("community"), dataIndex: "community_name" },
  ],
  removeConfirm: (t, row) => t("removeProposalConfirm", { name: row.volunteer_name, post: row.post_name }),
  target: {
    name: "post",
    useOptions: usePostChoices,
    of: (item) => item.post,
    body: (post, volunteer) => ({ post, volunteer }),
  },
  sayRefusal: true,
  Unfilled: UnfilledPostItem,
});
