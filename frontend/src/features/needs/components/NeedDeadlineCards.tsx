// 限时办结 on the dashboard: the caller's scope's needs overdue now, and those finished in time or late.
import { Card, Col, Row, Statistic } from "antd";
import { ErrorState, Loading } from "@/components/PageState";
import { useI18n } from "@/lib/i18n";
import { useNeedOverdueCounts } from "../api/needs";

export function NeedDeadlineCards() {
  const { t } = useI18n();
  const counts = useNeedOverdueCounts();
  return (
    <Card
      title={t("needsDeadlineTitle")}
      extra={counts.data ? t("needsCountsToday", { date: counts.data.today }) : null}
      data-testid="need-deadline-cards"
    >
      {counts.isLoading ? (
        <Loading />
      ) : counts.isError ? (
        <ErrorState error={counts.error} onRetry={() => counts.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={8}>
            <Card size="small">
              <Statistic
                title={t("needsOverdue")}
                value={counts.data!.overdue}
                styles={{ content: counts.data!.overdue ? { color: "#cf1322" } : undefined }}
              />
            </Card>
          </Col>
          <Col xs={24} sm={8}>
            <Card size="small">
              <Statistic title={t("needsClosedInTime")} value={counts.data!.closed_in_time} />
            </Card>
          </Col>
          <Col xs={24} sm={8}>
            <Card size="small">
              <Statistic title={t("needsClosedLate")} value={counts.data!.closed_late} />
            </Card>
          </Col>
        </Row>
      )}
    </Card>
  );
}
