// Posts the run could not fill: how many seats are missing, why, and the smallest change that would fill them.
import { Button, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { useI18n } from "@/lib/i18n";
import { useUnfilledPosts } from "../api/review";
import type { AllocationRun } from "../api/types";
import { AddProposalModal } from "./AddProposalModal";

export function UnfilledPostsPanel({ run, editable }: { run: AllocationRun; editable: boolean }) {
  const { t } = useI18n();
  const rows = useUnfilledPosts(run.id);
  const [adding, setAdding] = useState<number | null>(null);
  if (rows.isLoading) return <Loading />;
  if (rows.isError) return <ErrorState error={rows.error} onRetry={() => rows.refetch()} />;
  return (
    <div data-testid="unfilled-posts">
      {(rows.data ?? []).length === 0 ? (
        <EmptyState text={t("unfilledPostsEmpty")} />
      ) : (
        <List
          dataSource={rows.data}
          renderItem={(row) => (
            <List.Item
              actions={
                editable
                  ? [
                      <Button key="add" size="small" onClick={() => setAdding(row.post)}>
                        {t("addByHand")}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={2}>
                <Space wrap>
                  <Typography.Text strong>{row.post_name}</Typography.Text>
                  <Typography.Text type="secondary">{row.community_name}</Typography.Text>
                  <Tag color="red">{t("missing", { count: row.missing })}</Tag>
                </Space>
                {row.reasons.map((r, i) => (
                  <Typography.Text key={i} type="secondary">
                    · {r.message}
                  </Typography.Text>
                ))}
                {row.suggestion && (
                  <Typography.Text>
                    {t("suggestion")}：{row.suggestion}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      {adding !== null && <AddProposalModal run={run} initialPost={adding} onClose={() => setAdding(null)} />}
    </div>
  );
}
