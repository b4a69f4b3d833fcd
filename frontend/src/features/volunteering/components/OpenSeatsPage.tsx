// Open seats of published plans that I may take (the server checks skills, free time, other posts, hours and
// distance), phone first: one card each with a claim button; a seat taken first or a broken rule is said plainly.
import { App, Button, Space, Tag, Typography } from "antd";
import { EnvironmentOutlined } from "@ant-design/icons";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { Panel } from "@/components/Panel";
import { formatSpan } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useClaimSeat, useOpenSeats } from "../api/claims";
import { showClaimRefused } from "./claimRefused";

export function OpenSeatsPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const seats = useOpenSeats();
  const claim = useClaimSeat();

  if (seats.isLoading) return <Loading />;
  if (seats.isError) return <ErrorState error={seats.error} onRetry={() => seats.refetch()} />;
  const rows = seats.data ?? [];
  const refused = (e: unknown) =>
    showClaimRefused(modal, e, {
      takenCode: "seat_taken",
      takenTitle: t("seatTakenTitle"),
      refusedTitle: t("claimRefused"),
    });
  return (
    <Space orientation="vertical" style={{ width: "100%", maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("openSeatsTitle")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("openSeatsHelp")}</Typography.Text>
      {rows.length === 0 ? (
        <EmptyState text={t("openSeatsEmpty")} />
      ) : (
        <div>
          {rows.map((seat) => (
            <div key={`${seat.run}-${seat.shift}`} style={{ padding: "6px 0" }}>
              <Panel
                size="small"
                title={seat.title}
                extra={<Tag color="green">{t("seatsOpen", { count: seat.open_seats })}</Tag>}
                testId="open-seat"
              >
                <Space orientation="vertical" size={4} style={{ width: "100%" }}>
                  <Typography.Text strong>{formatSpan(seat.start, seat.end)}</Typography.Text>
                  <Typography.Text>
                    <EnvironmentOutlined /> {seat.place.community} {seat.place.address}
                  </Typography.Text>
                  {seat.post && (
                    <Typography.Text type="secondary">
                      {seat.post.name}
                      {seat.post.duties ? `：${seat.post.duties}` : ""}
                    </Typography.Text>
                  )}
                  <Button
                    type="primary"
                    block
                    loading={claim.isPending && claim.variables === seat.shift}
                    onClick={() =>
                      claim.mutate(seat.shift, {
                        onSuccess: () => void message.success(t("seatClaimed")),
                        onError: refused,
                      })
                    }
                  >
                    {t("claimSeat")}
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
