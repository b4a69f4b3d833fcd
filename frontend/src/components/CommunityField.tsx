// A form's community (required): a searchable choice of the communities the caller may write in. The server lists
// those a coordinator may see; a community coordinator writes in their own only (the server refuses the others).
import { Form, Select } from "antd";
import { useCommunities } from "@/lib/communities";
import { useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";

export function CommunityField() {
  const { t } = useI18n();
  const me = useSession();
  const communities = useCommunities();
  const options = (communities.data ?? [])
    .filter((c) => me.role !== "community_coordinator" || c.id === me.community)
    .map((c) => ({ value: c.id, label: c.name }));
  return (
    <Form.Item name="community" label={t("community")} rules={[{ required: true, message: t("communityRequired") }]}>
      <Select options={options} loading={communities.isLoading} showSearch={{ optionFilterProp: "label" }} />
    </Form.Item>
  );
}
