// Seats the run could not fill: why, the smallest change that would fill each, and the week's recruitment list.
import { Button, Card, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { formatSpan } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useUnfilled } from "../api/review";
import type { MatchingRun } from "../api/types";
import { AddAssignmentModal } from "./AddAssignmentModal";

export function UnfilledPanel({ run, editable }: { run: MatchingRun; editable: boolean }) {
  const { t } = useI18n();
  const unfilled = useUnfilled(run.id);
  const [fillShift, setFillShift] = useState<number | null>(null);
  if (unfilled.isLoading) return <Loading />;
  if (unfilled.isError) return <ErrorState error={unfilled.error} onRetry={() => unfilled.refetch()} />;
  const rows = unfilled.data ?? [];
  const recruitment = run.metrics.recruitment ?? [];
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="unfilled-panel">
      {rows.length === 0 ? (
        <EmptyState text={t("unfilledEmpty")} />
      ) : (
        <List
          dataSource={rows}
          pagination={{ pageSize: 10, size: "small" }}
          renderItem={(seat) => (
            <List.Item
              actions={
                editable
                  ? [
                      <Button key="fill" size="small" onClick={() => setFillShift(seat.shift)}>
                        {t("addByHand")}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{seat.shift_title}</span>
                    <Tag color="red">{t("missing", { count: seat.missing })}</Tag>
                    <Tag>
                      {t("priority")} {seat.shift_priority}
                    </Tag>
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={2}>
                    <span>
                      {formatSpan(seat.shift_start, seat.shift_end)} · {seat.community_name}
                    </span>
                    {seat.reasons.map((reason, i) => (
                      <span key={i}>
                        <Tag color="orange">{enumLabel(t, "reason", reason.code)}</Tag>
                        {reason.message}
                      </span>
                    ))}
                    {seat.suggestion && (
                      <Typography.Text type="success">
                        {t("suggestion")}：{seat.suggestion}
                      </Typography.Text>
                    )}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Card size="small" title={t("recruitment")}>
        {recruitment.length === 0 ? (
          <Typography.Text type="secondary">{t("recruitmentEmpty")}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={recruitment.slice(0, 10)}
            renderItem={(item) => (
              <List.Item>
                <Space>
                  <Tag color="blue">×{item.count}</Tag>
                  {item.what}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      {fillShift !== null && <AddAssignmentModal run={run} initialShift={fillShift} onClose={() => setFillShift(null)} />}
    </Space>
  );
}
