// Start a run: a week and a scope the coordinator may plan (their community, their sub-district or one of its
// communities, or for the administrator the whole district). Client checks first; the server's errors after.
import { Alert, Button, DatePicker, Form, InputNumber, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { applyServerErrors } from "@/lib/forms";
import { mondayOf, nextMonday } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import { useCommunities, useSubDistricts } from "../api/lookups";
import { useStartRun } from "../api/runs";

interface Values {
  week: Dayjs;
  scope: string;
  time_limit?: number | null;
}

export function parseScope(scope: string): { community?: number; sub_district?: number } {
  const [kind, id] = scope.split(":");
  if (kind === "community") return { community: Number(id) };
  if (kind === "sub_district") return { sub_district: Number(id) };
  return {};
}

export function RunStartForm({ onStarted }: { onStarted?: (id: number) => void }) {
  const { t } = useI18n();
  const me = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const start = useStartRun();
  const isAdmin = me.role === "admin";
  const subDistricts = useSubDistricts(isAdmin || me.role === "subdistrict_coordinator");
  const communities = useCommunities(me.role === "subdistrict_coordinator" ? me.sub_district : undefined);

  const options = useMemo(() => {
    const list: { value: string; label: string }[] = [];
    if (me.role === "community_coordinator" && me.community) {
      const own = communities.data?.find((c) => c.id === me.community);
      list.push({ value: `community:${me.community}`, label: own?.name ?? `#${me.community}` });
      return list;
    }
    if (isAdmin) list.push({ value: "district", label: t("district") });
    for (const sub of subDistricts.data ?? []) {
      if (isAdmin || sub.id === me.sub_district) list.push({ value: `sub_district:${sub.id}`, label: `${t("subDistrict")}：${sub.name}` });
    }
    for (const c of communities.data ?? []) list.push({ value: `community:${c.id}`, label: `${t("community")}：${c.name}` });
    return list;
  }, [me, isAdmin, communities.data, subDistricts.data, t]);

  const defaultScope =
    me.role === "community_coordinator" && me.community
      ? `community:${me.community}`
      : me.role === "subdistrict_coordinator" && me.sub_district
        ? `sub_district:${me.sub_district}`
        : undefined;

  const submit = (values: Values) => {
    setError(null);
    start.mutate(
      { week: mondayOf(values.week), ...parseScope(values.scope), time_limit: values.time_limit ?? undefined },
      {
        onSuccess: (run) => (onStarted ? onStarted(run.id) : navigate(`/runs/${run.id}`)),
        onError: (e) => setError(applyServerErrors(form, e)),
      },
    );
  };

  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      initialValues={{ week: dayjs(nextMonday()), scope: defaultScope, time_limit: null }}
      style={{ rowGap: 12 }}
      data-testid="run-start-form"
    >
      <Form.Item name="week" label={t("week")} rules={[{ required: true, message: t("weekRequired") }]}>
        <DatePicker picker="week" allowClear={false} />
      </Form.Item>
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
          {t("startRun")}
        </Button>
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ width: "100%" }} role="alert" />}
    </Form>
  );
}
