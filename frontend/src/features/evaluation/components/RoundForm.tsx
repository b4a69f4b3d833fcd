// A coordinator opens an appraisal round: the year, a title, the area (their community; a sub-district coordinator
// may take their whole sub-district), the units rated and the number of ballots (1 to 200). The server's field
// errors land on their fields; the one-time codes come back in the answer.
import { Alert, Button, Form, Input, InputNumber, Select, Space } from "antd";
import { useState } from "react";
import { applyServerErrors } from "@/lib/forms";
import { districtYear } from "@/lib/format";
import { useSession } from "@/lib/session";
import { useScopeUnits } from "../api/evaluations";
import { useCreateAppraisalRound, type AppraisalRoundCreated } from "../api/appraisal";
import { useI18n } from "@/lib/i18n";
import { useCommunities } from "@/lib/communities";

interface Values {
  year?: number;
  title?: string;
  area?: string;
  units?: number[];
  ballots?: number | null;
}

/** "c:<id>" a community, "s:<id>" a sub-district. */
function parseArea(area: string | undefined): { community: number | null; sub_district: number | null } {
  const [kind, id] = (area ?? "").split(":");
  return { community: kind === "c" ? Number(id) : null, sub_district: kind === "s" ? Number(id) : null };
}

export function RoundForm({ onCreated }: { onCreated: (round: AppraisalRoundCreated) => void }) {
  const { t } = useI18n();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const create = useCreateAppraisalRound(onCreated);
  const [alert, setAlert] = useState<string | null>(null);
  const fixedCommunity = me.role === "community_coordinator" ? me.community : null;
  const communities = useCommunities(fixedCommunity === null);
  const area = Form.useWatch("area", form);
  const { community } = parseArea(area);
  const units = useScopeUnits(community, !!area);
  const year = districtYear();

  const areaOptions = [
    ...(me.role === "subdistrict_coordinator" && me.sub_district
      ? [{ value: `s:${me.sub_district}`, label: t("apprWholeSubDistrict") }]
      : []),
    ...(communities.data ?? []).map((c) => ({ value: `c:${c.id}`, label: c.name })),
  ];

  const submit = (values: Values) => {
    setAlert(null);
    create.mutate(
      {
        year: values.year!,
        title: values.title!.trim(),
        ...parseArea(values.area),
        units: values.units!,
        ballots: values.ballots!,
      },
      { onError: (error) => setAlert(applyServerErrors(form, error, { community: "area", sub_district: "area" })) },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      aria-label={t("apprNew")}
      initialValues={{
        year,
        title: t("apprRoundTitleDefault", { year }),
        area: fixedCommunity ? `c:${fixedCommunity}` : undefined,
        ballots: 50,
      }}
    >
      <Space wrap align="start">
        <Form.Item name="year" label={t("apprYear")} rules={[{ required: true }]}>
          <InputNumber min={2000} max={year + 1} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("apprRoundTitle")}
          rules={[{ required: true, whitespace: true, message: t("apprRoundTitleRequired") }, { max: 128 }]}
        >
          <Input style={{ width: 300 }} maxLength={128} />
        </Form.Item>
      </Space>
      <Form.Item
        name="area"
        label={t("apprArea")}
        hidden={!!fixedCommunity}
        rules={[{ required: true, message: t("apprCommunityRequired") }]}
      >
        <Select
          style={{ maxWidth: 320 }}
          loading={communities.isLoading}
          options={areaOptions}
          onChange={() => form.setFieldValue("units", [])}
        />
      </Form.Item>
      <Form.Item
        name="units"
        label={t("apprUnits")}
        rules={[{ required: true, type: "array", min: 1, message: t("apprUnitsRequired") }]}
      >
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: "label" }}
          loading={units.isLoading}
          disabled={!area}
          options={units.data?.results.map((unit) => ({ value: unit.id, label: unit.name }))}
          maxTagCount="responsive"
        />
      </Form.Item>
      <Form.Item
        name="ballots"
        label={t("apprBallots")}
        rules={[
          { required: true, message: t("apprBallotsRequired") },
          { type: "integer", min: 1, max: 200, message: t("apprBallotsRange") },
        ]}
      >
        <InputNumber style={{ width: 120 }} precision={0} />
      </Form.Item>
      <Space orientation="vertical" style={{ width: "100%" }}>
        {alert && <Alert type="error" showIcon title={alert} />}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t("apprCreate")}
        </Button>
      </Space>
    </Form>
  );
}
