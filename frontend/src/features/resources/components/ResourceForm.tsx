// Create or edit one resource: checked here (required fields, ranges), then the server's field errors.
import { Alert, Form, Input, InputNumber, Select } from "antd";
import { useEffect, useState } from "react";
import { CommunityField } from "@/components/CommunityField";
import { FormModal } from "@/components/FormModal";
import { applyServerErrors } from "@/lib/forms";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import { useCommunities } from "@/lib/communities";
import { CATEGORIES, useMyUnit, useSaveResource, type Resource, type ResourceInput } from "../api/resources";
import { SlotsEditor } from "./SlotsEditor";

export function ResourceForm({ resource, onClose }: { resource?: Resource; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const me = useSession();
  const [form] = Form.useForm<ResourceInput>();
  const [error, setError] = useState<string | null>(null);
  const communities = useCommunities();
  const unit = useMyUnit(me.role === "unit_representative" ? me.unit : null);
  const save = useSaveResource();

  // A new resource starts at the unit's (or the coordinator's community's) place; the person may change it.
  useEffect(() => {
    if (resource) return;
    const home = unit.data ?? communities.data?.find((c) => c.id === me.community);
    const community = unit.data?.community ?? me.community ?? undefined;
    if (home && !form.isFieldsTouched(["lat", "lng", "address", "community"])) {
      form.setFieldsValue({ community, lat: home.lat, lng: home.lng, address: home.address });
    }
  }, [resource, unit.data, communities.data, me.community, form]);

  const submit = (values: ResourceInput) => {
    setError(null);
    const body = {
      ...values,
      features: values.features ?? [],
      address: values.address ?? "",
      conditions: values.conditions ?? "",
    };
    save.mutate(
      { id: resource?.id, body },
      { onSuccess: () => onClose(true), onError: (e) => setError(applyServerErrors(form, e)) },
    );
  };

  const initial: Partial<ResourceInput> = resource ?? {
    category: undefined,
    capacity: 0,
    features: [],
    status: "listed",
    name: "",
    address: "",
    conditions: "",
  };
  return (
    <FormModal
      form={form}
      title={resource ? t("editResource") : t("newResource")}
      saving={save.isPending}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} data-testid="resource-form">
        <Form.Item
          name="name"
          label={t("name")}
          rules={[{ required: true, whitespace: true, message: t("nameRequired") }, { max: 128 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t("category")} rules={[{ required: true, message: t("categoryRequired") }]}>
          <Select options={CATEGORIES.map((c) => ({ value: c, label: enumLabel(t, "cat", c) }))} />
        </Form.Item>
        <CommunityField />
        <Form.Item
          name="capacity"
          label={t("capacity")}
          rules={[{ type: "number", min: 0, message: t("capacityInvalid") }]}
        >
          <InputNumber style={{ width: 160 }} precision={0} />
        </Form.Item>
        <Form.Item name="features" label={t("features")} extra={t("featuresHelp")}>
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="address" label={t("address")} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item label={`${t("lat")} / ${t("lng")}`} required style={{ marginBottom: 0 }}>
          <Form.Item
            name="lat"
            style={{ display: "inline-block", width: "calc(50% - 8px)" }}
            rules={[{ required: true, type: "number", min: -90, max: 90, message: t("latInvalid") }]}
          >
            <InputNumber style={{ width: "100%" }} step={0.0001} aria-label={t("lat")} />
          </Form.Item>
          <Form.Item
            name="lng"
            style={{ display: "inline-block", width: "calc(50% - 8px)", marginLeft: 16 }}
            rules={[{ required: true, type: "number", min: -180, max: 180, message: t("lngInvalid") }]}
          >
            <InputNumber style={{ width: "100%" }} step={0.0001} aria-label={t("lng")} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="conditions" label={t("conditions")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="status" label={t("status")}>
          <Select options={["listed", "withdrawn"].map((s) => ({ value: s, label: enumLabel(t, "resStatus", s) }))} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
      {resource && <SlotsEditor resourceId={resource.id} slots={resource.slots} />}
    </FormModal>
  );
}
