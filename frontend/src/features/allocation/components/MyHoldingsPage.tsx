// 我的固定岗位: the member's standing posts by year (duty, time, community), phone first; decline one with a reason.
import { App, Button, Card, List, Space, Tag, Typography } from "antd";
import { ClockCircleOutlined, EnvironmentOutlined } from "@ant-design/icons";
import { useState } from "react";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { formatDateTime } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useMyHoldings } from "../api/holdings";
import type { HoldingStatus, PostHolding } from "../api/types";
import { HoldingDeclineModal } from "./HoldingDeclineModal";

const COLOURS: Record<HoldingStatus, string> = {
  proposed: "gold",
  active: "green",
  declined: "default",
  ended: "default",
};

export function MyHoldingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const holdings = useMyHoldings();
  const [declining, setDeclining] = useState<PostHolding | null>(null);

  if (holdings.isLoading) return <Loading />;
  if (holdings.isError) return <ErrorState error={holdings.error} onRetry={() => holdings.refetch()} />;
  const rows = holdings.data ?? [];
  const weekdays = (days: number[]) => days.map((d) => enumLabel(t, "weekday", d)).join("、");
  return (
    <Space orientation="vertical" style={{ width: "100%", maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("myHoldingsTitle")}
      </Typography.Title>
      {rows.length === 0 ? (
        <EmptyState text={t("myHoldingsEmpty")} />
      ) : (
        <List
          dataSource={rows}
          renderItem={(h) => (
            <List.Item style={{ padding: "6px 0", borderBlockEnd: 0 }}>
              <Card
                size="small"
                style={{ width: "100%" }}
                title={`${h.year} · ${h.post_name}`}
                extra={<Tag color={COLOURS[h.status]}>{enumLabel(t, "holdingStatus", h.status)}</Tag>}
                data-testid="my-holding"
              >
                <Space orientation="vertical" size={4} style={{ width: "100%" }}>
                  <Typography.Text>
                    {enumLabel(t, "postCategory", h.category)} · <EnvironmentOutlined /> {h.community_name}
                  </Typography.Text>
                  <Typography.Text>
                    <ClockCircleOutlined />{" "}
                    {h.schedule || `${weekdays(h.weekdays)} ${h.start_time.slice(0, 5)}–${h.end_time.slice(0, 5)}`}
                  </Typography.Text>
                  {h.duties && <Typography.Text type="secondary">{h.duties}</Typography.Text>}
                  {h.status === "declined" && (
                    <Typography.Text type="secondary">
                      {t("declinedAt", { time: formatDateTime(h.declined_at) })}
                      {h.reason && `：${h.reason}`}
                    </Typography.Text>
                  )}
                  {(h.status === "active" || h.status === "proposed") && (
                    <Button danger onClick={() => setDeclining(h)} style={{ alignSelf: "flex-start" }}>
                      {t("decline")}
                    </Button>
                  )}
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
      {declining && (
        <HoldingDeclineModal
          holding={declining}
          onClose={() => setDeclining(null)}
          onDone={() => {
            setDeclining(null);
            message.success(t("holdingDeclined"));
          }}
        />
      )}
    </Space>
  );
}
