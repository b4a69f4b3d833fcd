// The micro-wish wall (微心愿): open wishes of the district with their community, phone first; a volunteer takes one
// (接单) and it leaves the wall; a wish taken first by someone else is said plainly.
import { App, Button, Space, Tag, Typography } from "antd";
import { EnvironmentOutlined } from "@ant-design/icons";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { Panel } from "@/components/Panel";
import { formatDate } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useClaimWish, useWishes } from "../api/claims";
import { showClaimRefused } from "./claimRefused";

export function WishWallPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const wishes = useWishes();
  const claim = useClaimWish();

  if (wishes.isLoading) return <Loading />;
  if (wishes.isError) return <ErrorState error={wishes.error} onRetry={() => wishes.refetch()} />;
  const rows = wishes.data ?? [];
  return (
    <Space orientation="vertical" style={{ width: "100%", maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("wishesTitle")}
      </Typography.Title>
      {rows.length === 0 ? (
        <EmptyState text={t("wishesEmpty")} />
      ) : (
        <div>
          {rows.map((wish) => (
            <div key={wish.id} style={{ padding: "6px 0" }}>
              <Panel
                size="small"
                title={wish.title}
                extra={<Tag>{enumLabel(t, "needCategory", wish.category)}</Tag>}
                testId="wish"
              >
                <Space orientation="vertical" size={4} style={{ width: "100%" }}>
                  <Typography.Text>
                    <EnvironmentOutlined /> {wish.community_name}
                  </Typography.Text>
                  {wish.summary && <Typography.Text type="secondary">{wish.summary}</Typography.Text>}
                  {wish.deadline && (
                    <Typography.Text type="warning">
                      {t("wishDeadline", { date: formatDate(wish.deadline) })}
                    </Typography.Text>
                  )}
                  <Button
                    type="primary"
                    block
                    loading={claim.isPending && claim.variables === wish.id}
                    onClick={() =>
                      claim.mutate(wish.id, {
                        onSuccess: () => void message.success(t("wishClaimed")),
                        onError: (e) =>
                          showClaimRefused(modal, e, {
                            takenCode: "already_taken",
                            takenTitle: t("wishTakenTitle"),
                            refusedTitle: t("claimRefused"),
                          }),
                      })
                    }
                  >
                    {t("claimWish")}
                  </Button>
                </Space>
              </Panel>
            </div>
          ))}
        </div>
      )}
    </Space>
  );
}
