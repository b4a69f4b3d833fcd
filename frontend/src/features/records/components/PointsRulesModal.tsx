// 积分规则: the district's points per kind (hours served, posts held, wishes, needs finished in time, no-shows
// deducted) with their yearly caps. Every coordinator reads the rules in force today and those to come; the
// district's administrators change them from a day on (today or later), and records before it keep their points.
import { DatePicker, InputNumber, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { RulesTableModal } from "@/components/RulesTableModal";
import { ApiError } from "@/lib/api";
import { districtDay, districtToday, pickedDay } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import {
  POINTS_KINDS,
  usePointsRules,
  useSetPointsRules,
  type PointsKind,
  type PointsRule,
  type PointsRuleInput,
} from "../api/records";

interface Change {
  points?: number;
  yearly_cap?: number | null;
}

/** The rule of a kind in force on `day` (the latest that took effect by then), and those that take effect after. */
export function rulesOf(rules: PointsRule[], kind: PointsKind, day: string) {
  const own = rules.filter((r) => r.kind === kind).sort((a, b) => a.effective_from.localeCompare(b.effective_from));
  const past = own.filter((r) => r.effective_from <= day);
  return { current: past[past.length - 1], coming: own.filter((r) => r.effective_from > day) };
}

export function PointsRulesModal({
  editable,
  onClose,
  onSaved,
}: {
  editable: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const today = districtToday();
  const rules = usePointsRules();
  const save = useSetPointsRules();
  const [changed, setChanged] = useState<Partial<Record<PointsKind, Change>>>({});
  const [from, setFrom] = useState<Dayjs>(districtDay(today));
  const [error, setError] = useState<string | null>(null);
  const rows = rules.data ?? [];
  const change = (kind: PointsKind, values: Change) =>
    setChanged((all) => ({ ...all, [kind]: { ...all[kind], ...values } }));

  const submit = () => {
    const body: PointsRuleInput[] = Object.entries(changed).map(([kind, values]) => {
      const { current } = rulesOf(rows, kind as PointsKind, today);
      return {
        kind: kind as PointsKind,
        points: values.points ?? current?.points ?? 0,
        yearly_cap: values.yearly_cap !== undefined ? values.yearly_cap : (current?.yearly_cap ?? null),
        effective_from: pickedDay(from),
      };
    });
    if (!body.length) return onClose();
    setError(null);
    save.mutate(body, {
      onSuccess: onSaved,
      onError: (e) => setError(e instanceof ApiError ? e.message : String(e)),
    });
  };

  return (
    <RulesTableModal
      title={t("pointsRulesTitle")}
      help={t("pointsRulesHelp")}
      editable={editable}
      saving={save.isPending}
      onSubmit={submit}
      onClose={onClose}
      error={error}
      refusedTitle={t("pointsRulesRefused")}
      width={760}
    >
      {editable && (
        <Space style={{ marginBottom: 12 }}>
          <Typography.Text>{t("pointsRulesFrom")}</Typography.Text>
          <DatePicker
            value={from}
            allowClear={false}
            aria-label={t("pointsRulesFrom")}
            disabledDate={(day) => pickedDay(day) < today}
            onChange={(day) => day && setFrom(day)}
          />
        </Space>
      )}
      <Table<{ kind: PointsKind }>
        size="small"
        pagination={false}
        loading={rules.isLoading}
        rowKey="kind"
        dataSource={POINTS_KINDS.map((kind) => ({ kind }))}
        data-testid="points-rules"
        columns={[
          { title: t("pointsKind"), dataIndex: "kind", render: (kind: string) => enumLabel(t, "pointsKind", kind) },
          {
            title: t("pointsPerUnit"),
            key: "points",
            render: (_, { kind }) => {
              const { current } = rulesOf(rows, kind, today);
              const value = changed[kind]?.points ?? current?.points;
              return editable ? (
                <InputNumber
                  size="small"
                  min={0}
                  max={1000}
                  precision={0}
                  style={{ width: 80 }}
                  aria-label={`${enumLabel(t, "pointsKind", kind)} ${t("pointsPerUnit")}`}
                  value={value ?? null}
                  onChange={(points) => typeof points === "number" && change(kind, { points })}
                />
              ) : (
                (value ?? "—")
              );
            },
          },
          {
            title: t("pointsYearlyCap"),
            key: "cap",
            render: (_, { kind }) => {
              const { current } = rulesOf(rows, kind, today);
              const value = changed[kind]?.yearly_cap !== undefined ? changed[kind]?.yearly_cap : current?.yearly_cap;
              return editable ? (
                <InputNumber
                  size="small"
                  min={0}
                  precision={0}
                  style={{ width: 96 }}
                  placeholder={t("pointsNoCap")}
                  aria-label={`${enumLabel(t, "pointsKind", kind)} ${t("pointsYearlyCap")}`}
                  value={value ?? null}
                  onChange={(cap) => change(kind, { yearly_cap: typeof cap === "number" ? cap : null })}
                />
              ) : (
                (value ?? t("pointsNoCap"))
              );
            },
          },
          {
            title: t("pointsSince"),
            key: "since",
            render: (_, { kind }) => {
              const { current, coming } = rulesOf(rows, kind, today);
              return (
                <Space wrap size={4}>
                  {current ? current.effective_from : t("pointsNoRule")}
                  {coming.map((r) => (
                    <Tag key={r.id} color="blue">
                      {t("pointsComing", { day: r.effective_from, points: r.points })}
                    </Tag>
                  ))}
                </Space>
              );
            },
          },
        ]}
      />
    </RulesTableModal>
  );
}
