// One unit's result: each item's points out of its maximum with the figures behind it and where they came from
// (ledger, entered, none), then the appraisal's satisfaction and weight.
import { Descriptions, Drawer, Space, Table, Tag, Typography } from "antd";
import { ErrorState, Loading } from "@/components/PageState";
import { formatDateTime } from "@/lib/format";
import { useEvaluation, type BreakdownItem } from "../api/evaluations";
import { useI18n, type MessageKey } from "@/lib/i18n";
import { GradeTag, percent } from "./GradeTag";

export function EvaluationDetailDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useEvaluation(id);
  const row = detail.data;
  const measure = (code: string) => {
    const key = `evalMeasure_${code}` as MessageKey;
    const text = t(key);
    return text === key ? code : text;
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={row ? t("evalDetailTitle", { unit: row.unit_name, year: row.year }) : t("evalDetail")}
    >
      {detail.isLoading && <Loading />}
      {detail.isError && <ErrorState error={detail.error} onRetry={() => detail.refetch()} />}
      {row && (
        <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="evaluation-detail">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t("evalScore")}>
              <Space>
                <Typography.Text strong>{row.score.toFixed(2)}</Typography.Text>
                <GradeTag row={row} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t("evalRank")}>{row.rank}</Descriptions.Item>
            <Descriptions.Item label={t("evalItemScore")}>{row.item_score.toFixed(2)}</Descriptions.Item>
            <Descriptions.Item label={t("evalBonusScore")}>{row.bonus_score.toFixed(2)}</Descriptions.Item>
            <Descriptions.Item label={t("evalAppraisal")}>
              {row.breakdown.appraisal.satisfaction_rate === null
                ? t("evalNoAppraisal")
                : `${percent(row.breakdown.appraisal.satisfaction_rate)} · ${t("evalAppraisalCount", { count: row.breakdown.appraisal.count })} · ${t("evalAppraisalWeight", { weight: row.breakdown.appraisal.weight })}`}
            </Descriptions.Item>
            <Descriptions.Item label={t("evalScheme")}>{row.scheme_name ?? "—"}</Descriptions.Item>
          </Descriptions>
          <Table<BreakdownItem>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={row.breakdown.items}
            scroll={{ x: 560 }}
            columns={[
              {
                title: t("evalItem"),
                key: "label",
                render: (_v, item) => (
                  <Space>
                    {item.label}
                    {item.bonus && <Tag color="gold">{t("evalBonus")}</Tag>}
                  </Space>
                ),
              },
              {
                title: t("evalPoints"),
                key: "points",
                align: "right",
                render: (_v, item) => `${item.points} / ${item.max}`,
              },
              {
                title: t("evalFigures"),
                key: "figures",
                render: (_v, item) => (
                  <Space orientation="vertical" size={0}>
                    {item.figures.map((figure) => (
                      <span key={figure.measure}>
                        {measure(figure.measure)}：{figure.value}{" "}
                        <Tag
                          color={figure.source === "none" ? "default" : figure.source === "input" ? "purple" : "cyan"}
                        >
                          {t(`evalSource_${figure.source}` as MessageKey)}
                        </Tag>
                      </span>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
          <Typography.Text type="secondary">
            {t("evalComputedAt", { date: formatDateTime(row.computed_at), user: row.computed_by ?? "—" })}
          </Typography.Text>
        </Space>
      )}
    </Drawer>
  );
}
