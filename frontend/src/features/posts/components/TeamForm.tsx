// Create or edit a group or team (编): its community, kind, name, specialty, leader and members, chosen among the
// volunteers of that community (the server refuses anyone else and says who). Nothing typed is lost on a refusal.
import { Alert, Form, Input, Select } from "antd";
import { useState } from "react";
import { CommunityField } from "@/components/CommunityField";
import { FormModal } from "@/components/FormModal";
import { applyServerErrors } from "@/lib/forms";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import {
  TEAM_KINDS,
  useCommunityVolunteers,
  useSaveTeam,
  type Team,
  type TeamInput,
  type TeamKind,
} from "../api/posts";

interface Values {
  community?: number;
  kind: TeamKind;
  name: string;
  specialty: string;
  leader?: number | null;
  members: number[];
}

/** The chosen volunteers' options: those found now, and those already named (known by their names). */
function useVolunteerOptions(community: number | undefined, search: string, known: Map<number, string>) {
  const found = useCommunityVolunteers(community, search);
  const options = new Map(known);
  for (const v of found.data?.results ?? []) options.set(v.id, `${v.name}（${v.number}）`);
  return { options: [...options].map(([value, label]) => ({ value, label })), loading: found.isFetching };
}

export function TeamForm({ team, onClose }: { team?: Team; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const save = useSaveTeam();
  const community = Form.useWatch<number | undefined>("community", form);
  const known = new Map<number, string>();
  team?.members?.forEach((id, i) => known.set(id, team.member_names[i] ?? String(id)));
  if (team?.leader) known.set(team.leader, team.leader_name ?? String(team.leader));
  const volunteers = useVolunteerOptions(community, search, known);

  const initial: Partial<Values> = team
    ? {
        community: team.community,
        kind: team.kind,
        name: team.name,
        specialty: team.specialty ?? "",
        leader: team.leader ?? null,
        members: team.members ?? [],
      }
    : { community: me.community ?? undefined, kind: "party_group", name: "", specialty: "", members: [] };

  const submit = (values: Values) => {
    setError(null);
    const body: TeamInput = {
      community: values.community!,
      kind: values.kind,
      name: values.name.trim(),
      specialty: values.specialty?.trim() ?? "",
      leader: values.leader ?? null,
      members: values.members ?? [],
    };
    save.mutate(
      { id: team?.id, body },
      { onSuccess: () => onClose(true), onError: (e) => setError(applyServerErrors(form, e)) },
    );
  };

  const picker = {
    showSearch: { filterOption: false, onSearch: setSearch },
    options: volunteers.options,
    loading: volunteers.loading,
    disabled: community === undefined,
  };
  return (
    <FormModal
      form={form}
      title={team ? t("teamEdit") : t("teamNew")}
      saving={save.isPending}
      onCancel={() => onClose(false)}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} data-testid="team-form">
        <CommunityField />
        <Form.Item name="kind" label={t("kind")}>
          <Select options={TEAM_KINDS.map((k) => ({ value: k, label: enumLabel(t, "teamKind", k) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("name")}
          rules={[
            { required: true, whitespace: true, message: t("teamNameRequired") },
            { max: 64, message: t("nameTooLong") },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="specialty" label={t("teamSpecialty")} rules={[{ max: 100, message: t("nameTooLong") }]}>
          <Input />
        </Form.Item>
        <Form.Item name="leader" label={t("teamLeader")}>
          <Select allowClear {...picker} />
        </Form.Item>
        <Form.Item name="members" label={t("teamMembers")} extra={t("teamMembersHelp")}>
          <Select mode="multiple" allowClear {...picker} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
      </Form>
    </FormModal>
  );
}
