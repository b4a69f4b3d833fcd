// 限时办结: the district's days to finish a need by category and urgency, from which a new need's deadline defaults.
// Every coordinator reads the table; the district's administrators change it here (or in the admin), and only the
// rows they changed are sent. Needs already filed keep their deadlines.
import { InputNumber, Table } from "antd";
import { useState } from "react";
import { RulesTableModal } from "@/components/RulesTableModal";
import { ApiError } from "@/lib/api";
import { enumLabel, useI18n } from "@/lib/i18n";
import { CATEGORIES, useDeadlineRules, useSetDeadlineRules, type DeadlineRule, type NeedCategory } from "../api/needs";

const URGENCIES = [5, 4, 3, 2, 1];
const key = (category: string, urgency: number) => `${category}:${urgency}`;

export function DeadlineRulesModal({
  editable,
  onClose,
  onSaved,
}: {
  editable: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const rules = useDeadlineRules();
  const save = useSetDeadlineRules();
  const [changed, setChanged] = useState<Record<string, DeadlineRule>>({});
  const [error, setError] = useState<string | null>(null);
  const stored = new Map((rules.data ?? []).map((r) => [key(r.category, r.urgency), r.days]));
  const days = (category: string, urgency: number) =>
    changed[key(category, urgency)]?.days ?? stored.get(key(category, urgency));

  const submit = () => {
    const rows = Object.values(changed);
    if (!rows.length) return onClose();
    setError(null);
    save.mutate(rows, {
      onSuccess: onSaved,
      onError: (e) => setError(e instanceof ApiError ? e.message : String(e)),
    });
  };

  return (
    <RulesTableModal
      title={t("needDeadlineRulesTitle")}
      help={t("needDeadlineRulesHelp")}
      editable={editable}
      saving={save.isPending}
      onSubmit={submit}
      onClose={onClose}
      error={error}
      refusedTitle={t("needDeadlineRulesRefused")}
    >
      <Table<{ category: NeedCategory }>
        size="small"
        pagination={false}
        loading={rules.isLoading}
        rowKey="category"
        dataSource={CATEGORIES.map((category) => ({ category }))}
        data-testid="deadline-rules"
        columns={[
          { title: t("category"), dataIndex: "category", render: (c: string) => enumLabel(t, "needCategory", c) },
          ...URGENCIES.map((urgency) => ({
            title: t("needDeadlineRulesUrgency", { urgency }),
            key: String(urgency),
            render: (_: unknown, { category }: { category: NeedCategory }) =>
              editable ? (
                <InputNumber
                  size="small"
                  min={1}
                  max={365}
                  precision={0}
                  style={{ width: 72 }}
                  aria-label={`${enumLabel(t, "needCategory", category)} ${t("needDeadlineRulesUrgency", { urgency })}`}
                  value={days(category, urgency) ?? null}
                  onChange={(value) => {
                    if (typeof value === "number") {
                      setChanged((rows) => ({ ...rows, [key(category, urgency)]: { category, urgency, days: value } }));
                    }
                  }}
                />
              ) : (
                (days(category, urgency) ?? "—")
              ),
          })),
        ]}
      />
    </RulesTableModal>
  );
}
