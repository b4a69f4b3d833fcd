// Create or edit a post (岗 责 时): its community and group, name and category, duties (责), seats, the skills with the
// lowest level asked, the weekly schedule (weekdays, from and to) and the target; the district's third 定 (定时 or
// 定目标) says which of schedule and target the page calls the post's third label. Holdings stay with 定岗.
import { Alert, Checkbox, Form, Input, InputNumber, Select, Switch, TimePicker } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { CommunityField } from "@/components/CommunityField";
import { FormModal } from "@/components/FormModal";
import { SkillLevelsField, skillLevelsOf } from "@/components/SkillLevelsField";
import { applyServerErrors } from "@/lib/forms";
import { clockValue, pickedTime } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import {
  POST_CATEGORIES,
  useCommunityTeams,
  useSavePost,
  type Post,
  type PostCategory,
  type PostInput,
  type ThirdLabel,
} from "../api/posts";

interface Values {
  community?: number;
  team?: number | null;
  name: string;
  category: PostCategory;
  duties: string;
  seats: number;
  skills: string[];
  levels?: Record<string, number | null>;
  weekdays: number[];
  session?: [Dayjs, Dayjs];
  target: string;
  priority: number;
  // the post's place (the API's lat and lng)
  latitude?: number;
  longitude?: number;
  active: boolean;
}

export function toPostInput(values: Values, before?: Record<string, number>): PostInput {
  const [from, to] = values.session!;
  return {
    community: values.community!,
    team: values.team ?? null,
    name: values.name.trim(),
    category: values.category,
    duties: values.duties ?? "",
    seats: values.seats,
    required_skills: skillLevelsOf(values.skills, values.levels, before),
    weekdays: [...values.weekdays].sort(),
    start_time: pickedTime(from),
    end_time: pickedTime(to),
    target: values.target ?? "",
    priority: values.priority,
    lat: values.latitude!,
    lng: values.longitude!,
    active: values.active,
  };
}

export function PostForm({
  post,
  thirdLabel,
  onClose,
}: {
  post?: Post;
  thirdLabel: ThirdLabel;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSavePost();
  const community = Form.useWatch<number | undefined>("community", form);
  const teams = useCommunityTeams(community);

  const initial: Partial<Values> = post
    ? {
        community: post.community,
        team: post.team ?? null,
        name: post.name,
        category: post.category,
        duties: post.duties ?? "",
        seats: post.seats ?? 1,
        skills: Object.keys(post.required_skills ?? {}),
        levels: { ...post.required_skills },
        weekdays: post.weekdays,
        session: [clockValue(post.start_time), clockValue(post.end_time)],
        target: post.target ?? "",
        priority: post.priority ?? 3,
        latitude: post.lat,
        longitude: post.lng,
        active: post.active ?? true,
      }
    : {
        community: me.community ?? undefined,
        category: "policy",
        duties: "",
        seats: 1,
        skills: [],
        weekdays: [],
        target: "",
        priority: 3,
        active: true,
      };

  const submit = (values: Values) => {
    setError(null);
    save.mutate(
      { id: post?.id, body: toPostInput(values, post?.required_skills) },
      {
        onSuccess: () => onClose(true),
        onError: (e) =>
          setError(
            applyServerErrors(form, e, {
              start_time: "session",
              end_time: "session",
              required_skills: "skills",
              lat: "latitude",
              lng: "longitude",
            }),
          ),
      },
    );
  };

  return (
    <FormModal
      form={form}
      title={post ? t("postEdit") : t("postNew")}
      saving={save.isPending}
      onCancel={() => onClose(false)}
      width={720}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} data-testid="post-form">
        <CommunityField />
        <Form.Item name="team" label={t("postTeam")}>
          <Select
            allowClear
            loading={teams.isLoading}
            options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("name")}
          rules={[
            { required: true, whitespace: true, message: t("postNameRequired") },
            { max: 64, message: t("nameTooLong") },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t("category")}>
          <Select options={POST_CATEGORIES.map((c) => ({ value: c, label: enumLabel(t, "postCat", c) }))} />
        </Form.Item>
        <Form.Item name="duties" label={t("postDuties")} rules={[{ max: 2000, message: t("postDutiesLong") }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="seats"
          label={t("seats")}
          rules={[{ required: true, type: "number", min: 1, max: 100, message: t("postSeatsRange") }]}
        >
          <InputNumber min={1} max={100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <SkillLevelsField levelsLabel={t("postSkillLevels")} levelsHelp={t("postSkillLevelsHelp")} />
        <Form.Item
          name="weekdays"
          label={t("postWeekdays")}
          rules={[{ required: true, type: "array", min: 1, message: t("postWeekdaysRequired") }]}
        >
          <Checkbox.Group
            options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekday_${d}` as "weekday_1") }))}
          />
        </Form.Item>
        <Form.Item
          name="session"
          label={thirdLabel === "time" ? t("postThird_time") : t("schedule")}
          rules={[
            { required: true, message: t("postSessionRequired") },
            {
              validator: (_rule, value?: [Dayjs | null, Dayjs | null] | null) =>
                value?.[0] && value[1] && pickedTime(value[1]) <= pickedTime(value[0])
                  ? Promise.reject(new Error(t("slotOrder")))
                  : Promise.resolve(),
            },
          ]}
        >
          <TimePicker.RangePicker format="HH:mm" minuteStep={5} order />
        </Form.Item>
        <Form.Item
          name="target"
          label={thirdLabel === "target" ? t("postThird_target") : t("target")}
          rules={[{ max: 200, message: t("postTargetLong") }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="priority" label={t("priority")}>
          <InputNumber min={1} max={5} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label={t("postPlace")} extra={t("postPlaceHelp")} required style={{ marginBottom: 0 }}>
          <Form.Item
            name="latitude"
            style={{ display: "inline-block", width: "calc(50% - 8px)" }}
            rules={[{ required: true, type: "number", min: -90, max: 90, message: t("postLatInvalid") }]}
          >
            <InputNumber style={{ width: "100%" }} step={0.0001} aria-label={t("postLat")} />
          </Form.Item>
          <Form.Item
            name="longitude"
            style={{ display: "inline-block", width: "calc(50% - 8px)", marginLeft: 16 }}
            rules={[{ required: true, type: "number", min: -180, max: 180, message: t("postLngInvalid") }]}
          >
            <InputNumber style={{ width: "100%" }} step={0.0001} aria-label={t("postLng")} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="active" label={t("postActive")} valuePropName="checked">
          <Switch />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </FormModal>
  );
}
