// Start a post allocation run: a year and a scope the coordinator may allocate (their community; a sub-district
// coordinator's sub-district or one of its communities; the administrator any). Client checks first, then the
// server's errors (a run of the scope and year already active: 409).
import { Alert, Button, Form, InputNumber, Select } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import { useCommunityOptions, useSubDistrictOptions } from "../api/lookups";
import { useStartAllocation } from "../api/runs";

interface Values {
  year: number;
  scope: string;
  time_limit?: number | null;
}

export function parseScope(scope: string): { community?: number; sub_district?: number } {
  const [kind, id] = scope.split(":");
  if (kind === "community") return { community: Number(id) };
  if (kind === "sub_district") return { sub_district: Number(id) };
  return {};
}

export function AllocationStartForm() {
  const { t } = useI18n();
  const me = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const start = useStartAllocation();
  const isAdmin = me.role === "admin";
  const subDistricts = useSubDistrictOptions(isAdmin || me.role === "subdistrict_coordinator");
  const communities = useCommunityOptions(me.role === "subdistrict_coordinator" ? me.sub_district : undefined);

  const options = useMemo(() => {
    if (me.role === "community_coordinator" && me.community) {
      const own = communities.data?.find((c) => c.id === me.community);
      return [{ value: `community:${me.community}`, label: own?.name ?? `#${me.community}` }];
    }
    const list: { value: string; label: string }[] = [];
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
      { year: values.year, ...parseScope(values.scope), time_limit: values.time_limit ?? undefined },
      {
        onSuccess: (run) => navigate(`/allocation/${run.id}`),
        onError: (e) => setError(applyServerErrors(form, e)),
      },
    );
  };

  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      initialValues={{ year: dayjs().year() + 1, scope: defaultScope, time_limit: null }}
      style={{ rowGap: 12 }}
      data-testid="allocation-start-form"
    >
      <Form.Item
        name="year"
        label={t("year")}
        rules={[
          { required: true, message: t("yearRequired") },
          { type: "number", min: 2000, max: 2100, message: t("yearInvalid") },
        ]}
      >
        <InputNumber precision={0} style={{ width: 110 }} />
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
          {t("startAllocation")}
        </Button>
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ width: "100%" }} role="alert" />}
    </Form>
  );
}
