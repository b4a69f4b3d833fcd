// A finished run's headline figures.
import { Col, Row, Statistic } from "antd";
import { enumLabel, useI18n } from "@/lib/i18n";
import type { MatchingRun } from "../api/types";

export function RunSummary({ run }: { run: MatchingRun }) {
  const { t } = useI18n();
  const m = run.metrics;
  return (
    <Row gutter={[16, 16]} data-testid="run-summary">
      <Col xs={12} md={6}>
        <Statistic title={t("filledSeats")} value={m.filled_seats ?? 0} suffix={`/ ${m.total_seats ?? 0}`} />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t("volunteersUsed")} value={m.volunteers_used ?? 0} />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t("requestsMet")} value={m.requests_met ?? 0} suffix={`/ ${m.requests_total ?? 0}`} />
      </Col>
      {m.preferences_stated ? (
        <Col xs={12} md={6}>
          <Statistic
            title={t("preferencesMatched")}
            value={m.preferences_matched ?? 0}
            data-testid="preferences-matched"
          />
        </Col>
      ) : null}
      <Col xs={12} md={6}>
        {/* The proven gap always beside what it proves: two decimals, so that 0.05% does not read as 0.0%. */}
        <Statistic
          title={t("gap")}
          value={run.gap === null ? "—" : `${(run.gap * 100).toFixed(2)}%`}
          suffix={
            run.solver_status ? (
              <span data-testid="solver-status">{enumLabel(t, "solverStatus", run.solver_status)}</span>
            ) : undefined
          }
        />
      </Col>
    </Row>
  );
}
