// 点单: file a need or edit one — what is asked (category, type, skills, headcount, wanted time), where (community,
// grid), how urgent, whether it is a micro-wish, and who asks. The caller owns a need they file (首问); a deadline left
// empty is set by the server from the district's table by category and urgency (限时办结). Checked here first, then
// the server's field errors land on their fields.
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { CommunityField } from "@/components/CommunityField";
import { FormModal } from "@/components/FormModal";
import { addDays, dayOf, districtDay, districtTime, districtToday, pickedDay, pickedTime } from "@/lib/format";
import { applyServerErrors } from "@/lib/forms";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import { useSkillOptions } from "@/lib/skills";
import {
  CATEGORIES,
  SOURCES,
  TYPES,
  useDeadlineRules,
  useNeedGrids,
  useSaveNeed,
  type Need,
  type NeedCategory,
  type NeedInput,
  type NeedSource,
  type NeedType,
} from "../api/needs";

interface Values {
  title?: string;
  description?: string;
  source?: NeedSource;
  category?: NeedCategory;
  type?: NeedType;
  community?: number;
  grid?: number | null;
  required_skills?: string[];
  headcount?: number;
  wanted?: [Dayjs, Dayjs] | null;
  urgency?: number;
  is_micro_wish?: boolean;
  requester_name?: string;
  requester_phone?: string;
  deadline?: Dayjs | null;
}

// A picker's wall time is the district's (whatever the browser's zone), sent as an instant with its offset.
const instant = (value: Dayjs) => districtTime(`${pickedDay(value)}T${pickedTime(value)}`).format();

function initialValues(need: Need | undefined, community: number | undefined): Values {
  if (!need) return { source: "resident", community, headcount: 1, urgency: 3, is_micro_wish: false };
  return {
    ...need,
    description: need.description ?? "",
    required_skills: Object.keys(need.required_skills ?? {}),
    wanted:
      need.wanted_start && need.wanted_end ? [districtTime(need.wanted_start), districtTime(need.wanted_end)] : null,
    deadline: need.deadline ? districtDay(dayOf(need.deadline)) : null,
  };
}

/** `need`: the need to edit, as its detail gives it (the requester unmasked); none to file a new one. */
export function NeedForm({ need, onClose }: { need?: Need; onClose: (saved: Need | null) => void }) {
  const { t } = useI18n();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const community = Form.useWatch<number | undefined>("community", form);
  const grids = useNeedGrids(community);
  const skillOptions = useSkillOptions();
  const save = useSaveNeed();
  const rules = useDeadlineRules();
  const category = Form.useWatch<NeedCategory | undefined>("category", form);
  const urgency = Form.useWatch<number | undefined>("urgency", form);
  // What the server will set when the deadline is left empty: today plus the table's days (the server counts again).
  const rule = rules.data?.find((r) => r.category === category && r.urgency === urgency);
  const deadlineHelp = rule
    ? t("needDeadlineDefault", { date: addDays(districtToday(), rule.days), days: rule.days })
    : t("needDeadlineHelp");

  const submit = (values: Values) => {
    setError(null);
    const codes = values.required_skills ?? [];
    const body: NeedInput = {
      title: values.title!.trim(),
      description: (values.description ?? "").trim(),
      source: values.source!,
      category: values.category!,
      type: values.type!,
      community: values.community!,
      grid: values.grid ?? null,
      // A skill the need already asks for keeps its level; one added here asks for level 1.
      required_skills: Object.fromEntries(codes.map((code) => [code, need?.required_skills?.[code] ?? 1])),
      headcount: values.headcount ?? 1,
      wanted_start: values.wanted ? instant(values.wanted[0]) : null,
      wanted_end: values.wanted ? instant(values.wanted[1]) : null,
      urgency: values.urgency ?? 3,
      is_micro_wish: values.is_micro_wish ?? false,
      requester_name: (values.requester_name ?? "").trim(),
      requester_phone: (values.requester_phone ?? "").trim(),
      deadline: values.deadline ? pickedDay(values.deadline) : null,
    };
    save.mutate(
      { id: need?.id, body },
      {
        onSuccess: (saved) => onClose(saved),
        onError: (e) =>
          setError(
            applyServerErrors(form, e, { wanted_start: "wanted", wanted_end: "wanted", skills: "required_skills" }),
          ),
      },
    );
  };

  return (
    <FormModal
      form={form}
      title={need ? t("needEditTitle", { title: need.title }) : t("needNew")}
      saving={save.isPending}
      onCancel={() => onClose(null)}
      width={720}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues(need, me.community ?? undefined)}
        onValuesChange={(changed: Values) => {
          if ("community" in changed) form.setFieldValue("grid", null);
        }}
        data-testid="need-form"
      >
        <Form.Item
          name="title"
          label={t("needTitle")}
          rules={[{ required: true, whitespace: true, message: t("needTitleRequired") }, { max: 128 }]}
        >
          <Input maxLength={128} />
        </Form.Item>
        <Form.Item name="description" label={t("needDescription")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="source" label={t("source")} rules={[{ required: true, message: t("needSourceRequired") }]}>
          <Select options={SOURCES.map((s) => ({ value: s, label: enumLabel(t, "needSource", s) }))} />
        </Form.Item>
        <Form.Item
          name="category"
          label={t("category")}
          rules={[{ required: true, message: t("needCategoryRequired") }]}
        >
          <Select options={CATEGORIES.map((c) => ({ value: c, label: enumLabel(t, "needCategory", c) }))} />
        </Form.Item>
        <Form.Item name="type" label={t("needType")} rules={[{ required: true, message: t("needTypeRequired") }]}>
          <Select options={TYPES.map((c) => ({ value: c, label: enumLabel(t, "needType", c) }))} />
        </Form.Item>
        <CommunityField />
        <Form.Item name="grid" label={t("needGrid")}>
          <Select
            allowClear
            disabled={community === undefined}
            loading={grids.isLoading}
            options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
        <Form.Item name="required_skills" label={t("skills")} extra={t("needSkillsHelp")}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: "label" }} options={skillOptions} />
        </Form.Item>
        <Form.Item
          name="headcount"
          label={t("needHeadcount")}
          rules={[{ type: "integer", min: 1, max: 200, message: t("needHeadcountRange") }]}
        >
          <InputNumber precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="wanted" label={t("needWanted")}>
          <DatePicker.RangePicker showTime={{ format: "HH:mm", minuteStep: 5 }} format="YYYY-MM-DD HH:mm" order />
        </Form.Item>
        <Form.Item
          name="urgency"
          label={t("urgency")}
          extra={t("needUrgencyHelp")}
          rules={[{ required: true, type: "integer", min: 1, max: 5, message: t("needUrgencyRange") }]}
        >
          <InputNumber precision={0} min={1} max={5} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="is_micro_wish" valuePropName="checked" extra={t("needMicroWishHelp")}>
          <Checkbox>{t("microWish")}</Checkbox>
        </Form.Item>
        <Form.Item name="requester_name" label={t("needRequester")} rules={[{ max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="requester_phone" label={t("needRequesterPhone")} rules={[{ max: 20 }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="deadline" label={t("deadline")} extra={need ? undefined : deadlineHelp}>
          <DatePicker />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </FormModal>
  );
}
