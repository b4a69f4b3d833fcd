// The volunteer's service record at a glance: approved hours, stars (and the next one), this year's hours and
// points with how they were earned, and the manual entries still awaiting review.
import { Card, Col, Rate, Row, Statistic, Typography } from "antd";
import { ErrorState, Loading } from "@/components/PageState";
import { useI18n } from "@/lib/i18n";
import { useRecordSummary } from "../api/records";
import { PointsBreakdown } from "./PointsBreakdown";

export function RecordSummaryCard() {
  const { t } = useI18n();
  const summary = useRecordSummary();
  if (summary.isLoading) return <Loading />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => summary.refetch()} />;
  const s = summary.data!;
  const maxStars = Math.max(s.star_hours.length, s.stars, 1);
  return (
    <Card size="small" title={t("recordSummaryTitle")} data-testid="record-summary">
      <Row gutter={[16, 16]}>
        <Col xs={12} sm={8}>
          <Statistic title={t("recordHoursTotal")} value={s.hours.toFixed(1)} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t("recordYearHours", { year: s.year })} value={s.year_hours.toFixed(1)} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t("recordPoints", { year: s.year })} value={s.points} />
        </Col>
        <Col xs={24} sm={16}>
          <Typography.Text type="secondary">{t("recordStars")}</Typography.Text>
          <div>
            <Rate disabled count={maxStars} value={s.stars} aria-label={t("recordStarsCount", { stars: s.stars })} />
          </div>
          <Typography.Text>
            {s.next_star === null || s.hours_to_next === null
              ? t("recordStarsTop")
              : t("recordNextStar", { star: s.next_star, hours: s.hours_to_next.toFixed(1) })}
          </Typography.Text>
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t("recordPending")} value={s.pending} />
        </Col>
        {s.breakdown.length > 0 && (
          <Col xs={24}>
            <Typography.Text type="secondary">{t("pointsBreakdownTitle", { year: s.year })}</Typography.Text>
            <PointsBreakdown lines={s.breakdown} />
          </Col>
        )}
      </Row>
    </Card>
  );
}
