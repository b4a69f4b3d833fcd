// 一编三定 on screen: posts (seats, duties, the fixed schedule and target, required skills), created, edited and
// deactivated by coordinators, each opening onto who holds it in the year being planned (as 定岗 left it); the groups
// and teams with their members; the district's third label (定时 or 定目标), set by its administrator.
import { Button, Empty, Select, Space, Tabs, Tag, Typography, message } from "antd";
import { useState } from "react";
import { ErrorState, Loading } from "@/components/PageState";
import { SkillTags } from "@/components/SkillTags";
import { SimpleList } from "@/components/SimpleList";
import { nextMonday } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import {
  useDistricts,
  usePostHoldings,
  usePosts,
  useSavePost,
  useSetThirdLabel,
  useTeams,
  type HoldingStatus,
  type Post,
  type Team,
  type ThirdLabel,
} from "../api/posts";
import { PostForm } from "./PostForm";
import { TeamForm } from "./TeamForm";

const COLOURS: Record<HoldingStatus, string> = {
  active: "green",
  proposed: "gold",
  declined: "default",
  ended: "default",
};

/** The holdings of the year being planned (that of next week: in the last days of December, the coming year). */
export function PostHolders({ post, year = Number(nextMonday().slice(0, 4)) }: { post: Post; year?: number }) {
  const { t } = useI18n();
  const holdings = usePostHoldings(post.id, year);
  if (holdings.isLoading) return <Loading />;
  if (holdings.isError) return <ErrorState error={holdings.error} onRetry={() => holdings.refetch()} />;
  const rows = holdings.data ?? [];
  const active = rows.filter((h) => h.status === "active").length;
  return (
    <Space orientation="vertical" size={4} data-testid="post-holders">
      <Typography.Text type="secondary">
        {t("postHoldersTitle", { year, active, seats: post.seats ?? 0 })}
      </Typography.Text>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("postHoldersEmpty")} />
      ) : (
        <Space wrap size={4}>
          {rows.map((h) => (
            <Tag key={h.id} color={COLOURS[h.status ?? "active"]}>
              {h.volunteer_name} · {enumLabel(t, "holdingStatus", h.status)}
            </Tag>
          ))}
        </Space>
      )}
    </Space>
  );
}

/** The district's third 定 (定时 or 定目标): the first district's, as a district runs one product; the administrator
 * changes it here. */
function useThirdLabel() {
  const districts = useDistricts();
  const district = districts.data?.[0];
  return { district, label: district?.post_third_label ?? "time" };
}

function ThirdLabelSetting() {
  const { t } = useI18n();
  const { district, label } = useThirdLabel();
  const set = useSetThirdLabel();
  if (!district) return null;
  return (
    <Space>
      <Typography.Text>{t("postThirdLabelSetting")}</Typography.Text>
      <Select<ThirdLabel>
        value={label}
        aria-label={t("postThirdLabelSetting")}
        style={{ width: 120 }}
        loading={set.isPending}
        onChange={(value) =>
          set.mutate(
            { id: district.id, label: value },
            {
              onSuccess: () => void message.success(t("postThirdLabelSaved")),
              onError: (e) => void message.error(e.message),
            },
          )
        }
        options={(["time", "target"] as ThirdLabel[]).map((value) => ({ value, label: t(`postThird_${value}`) }))}
      />
    </Space>
  );
}

function PostList() {
  const { t } = useI18n();
  const me = useSession();
  const { label } = useThirdLabel();
  const [editing, setEditing] = useState<Post | "new" | null>(null);
  const save = useSavePost();
  const [toast, holder] = message.useMessage();
  const setActive = (post: Post, active: boolean) =>
    save.mutate(
      { id: post.id, body: { active } },
      {
        onSuccess: () => void toast.success(t(active ? "postReactivated" : "postDeactivated")),
        onError: (e) => void toast.error(e.message),
      },
    );
  const third = label === "time" ? "schedule" : "target";
  return (
    <>
      {holder}
      <SimpleList<Post>
        title={t("menuPosts")}
        useRows={usePosts}
        emptyText={t("postsEmpty")}
        extra={
          <Space wrap>
            {me.role === "admin" && <ThirdLabelSetting />}
            <Button type="primary" onClick={() => setEditing("new")} data-testid="post-new">
              {t("postNew")}
            </Button>
          </Space>
        }
        expandable={{ expandedRowRender: (post) => <PostHolders post={post} /> }}
        columns={[
          { title: t("name"), dataIndex: "name" },
          { title: t("community"), dataIndex: "community_name" },
          { title: t("seats"), dataIndex: "seats" },
          { title: third === "schedule" ? t("postThird_time") : t("schedule"), dataIndex: "schedule" },
          { title: third === "target" ? t("postThird_target") : t("target"), dataIndex: "target" },
          { title: t("priority"), dataIndex: "priority" },
          {
            title: t("skills"),
            dataIndex: "required_skills",
            render: (skills: Record<string, number>) => <SkillTags skills={skills} atLeast />,
          },
          {
            title: t("actions"),
            key: "actions",
            render: (_, post) => (
              <Space>
                {!post.active && <Tag>{t("postInactive")}</Tag>}
                <Button size="small" onClick={() => setEditing(post)}>
                  {t("edit")}
                </Button>
                <Button size="small" danger={post.active} onClick={() => setActive(post, !post.active)}>
                  {post.active ? t("postDeactivate") : t("postReactivate")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <PostForm
          post={editing === "new" ? undefined : editing}
          thirdLabel={label}
          onClose={(saved) => {
            if (saved) toast.success(t("postSaved"));
            setEditing(null);
          }}
        />
      )}
    </>
  );
}

function TeamList() {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Team | "new" | null>(null);
  const [toast, holder] = message.useMessage();
  return (
    <>
      {holder}
      <SimpleList<Team>
        title={t("teamsTitle")}
        useRows={useTeams}
        emptyText={t("teamsEmpty")}
        extra={
          <Button type="primary" onClick={() => setEditing("new")} data-testid="team-new">
            {t("teamNew")}
          </Button>
        }
        columns={[
          { title: t("name"), dataIndex: "name" },
          { title: t("kind"), dataIndex: "kind", render: (kind: string) => enumLabel(t, "teamKind", kind) },
          { title: t("teamSpecialty"), dataIndex: "specialty" },
          { title: t("teamLeader"), dataIndex: "leader_name" },
          {
            title: t("teamMembers"),
            dataIndex: "member_names",
            render: (names: string[]) => names.join("、"),
          },
          {
            title: t("actions"),
            key: "actions",
            render: (_, team) => (
              <Button size="small" onClick={() => setEditing(team)}>
                {t("edit")}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <TeamForm
          team={editing === "new" ? undefined : editing}
          onClose={(saved) => {
            if (saved) toast.success(t("teamSaved"));
            setEditing(null);
          }}
        />
      )}
    </>
  );
}

/** 一编三定: the posts (岗 责 时) and the groups and teams (编) that hold them. */
export function PostsPage() {
  const { t } = useI18n();
  return (
    <Tabs
      items={[
        { key: "posts", label: t("postsTab"), children: <PostList /> },
        { key: "teams", label: t("teamsTab"), children: <TeamList /> },
      ]}
    />
  );
}
