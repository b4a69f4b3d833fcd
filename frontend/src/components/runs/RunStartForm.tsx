// Start a run: the kind's period (a week, a year) and a scope the coordinator may plan (their community; a
// sub-district coordinator's sub-district or one of its communities; the administrator any, and the whole district
// where the kind allows it). Client checks first; the server's errors after (a run already active: 409).
import type { UseMutationResult } from "@tanstack/react-query";
import { Alert, Button, Form, InputNumber, Select } from "antd";
import { useMemo, useState, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { applyServerErrors } from "@/lib/forms";
import { useI18n, type MessageKey } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import { useCommunities, useSubDistricts } from "./lookups";
import { parseScope } from "./scope";

type Common = { scope: string; time_limit?: number | null };
/** What every start sends besides the period. */
export type StartScope = { community?: number; sub_district?: number; time_limit?: number };

interface Props<Period, Start> {
  testId: string;
  submit: MessageKey;
  /** The period's form field(s), and their first values. */
  period: ReactNode;
  initialPeriod: Period;
  districtWide: boolean;
  start: UseMutationResult<{ id: number }, Error, Start>;
  input: (values: Period, scope: StartScope) => Start;
  runPath: (id: number) => string;
}

export function RunStartForm<Period extends object, Start>(props: Props<Period, Start>) {
  const { testId, submit, period, initialPeriod, districtWide, start, input, runPath } = props;
  const { t } = useI18n();
  const me = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Period & Common>();
  const [error, setError] = useState<string | null>(null);
  const isAdmin = me.role === "admin";
  const subDistricts = useSubDistricts(isAdmin || me.role === "subdistrict_coordinator");
  const communities = useCommunities(me.role === "subdistrict_coordinator" ? me.sub_district : undefined);

  const options = useMemo(() => {
    if (me.role === "community_coordinator" && me.community) {
      const own = communities.data?.find((c) => c.id === me.community);
      return [{ value: `community:${me.community}`, label: own?.name ?? `#${me.community}` }];
    }
    const list: { value: string; label: string }[] = [];
    if (isAdmin && districtWide) list.push({ value: "district", label: t("district") });
    for (const sub of subDistricts.data ?? []) {
      if (isAdmin || sub.id === me.sub_district)
        list.push({ value: `sub_district:${sub.id}`, label: `${t("subDistrict")}：${sub.name}` });
    }
    for (const c of communities.data ?? [])
      list.push({ value: `community:${c.id}`, label: `${t("community")}：${c.name}` });
    return list;
  }, [me, isAdmin, districtWide, communities.data, subDistricts.data, t]);

  const defaultScope =
    me.role === "community_coordinator" && me.community
      ? `community:${me.community}`
      : me.role === "subdistrict_coordinator" && me.sub_district
        ? `sub_district:${me.sub_district}`
        : undefined;

  const onFinish = (values: Period & Common) => {
    setError(null);
    start.mutate(input(values, { ...parseScope(values.scope), time_limit: values.time_limit ?? undefined }), {
      onSuccess: (run) => void navigate(runPath(run.id)),
      onError: (e) => setError(applyServerErrors(form, e)),
    });
  };

  return (
    <Form
      form={form}
      layout="inline"
      onFinish={onFinish}
      initialValues={{ ...initialPeriod, scope: defaultScope, time_limit: null }}
      style={{ rowGap: 12 }}
      data-testid={testId}
    >
      {period}
      <Form.Item name="scope" label={t("scope")} rules={[{ required: true, message: t("scopeRequired") }]}>
        <Select
          options={options}
          style={{ minWidth: 200 }}
          loading={communities.isLoading || subDistricts.isLoading}
          disabled={me.role === "community_coordinator"}
          showSearch={{ optionFilterProp: "label" }}
        />
      </Form.Item>
      <Form.Item name="time_limit" label={t("timeLimit")} tooltip={t("timeLimitHelp")}>
        <InputNumber min={1} max={600} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={start.isPending}>
          {t(submit)}
        </Button>
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ width: "100%" }} role="alert" />}
    </Form>
  );
}
