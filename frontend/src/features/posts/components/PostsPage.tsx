// Posts under 一编三定: seats, the fixed schedule and target, required skills; a post opens onto who holds it in the
// year being planned (and who was proposed for it or declined it), as 定岗 left it.
import { Empty, Space, Tag, Typography } from "antd";
import { ErrorState, Loading } from "@/components/PageState";
import { SkillTags } from "@/components/SkillTags";
import { SimpleList } from "@/components/SimpleList";
import { nextMonday } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { usePostHoldings, usePosts, type HoldingStatus, type Post } from "../api/posts";

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

export function PostsPage() {
  const { t } = useI18n();
  return (
    <SimpleList<Post>
      title={t("menuPosts")}
      useRows={usePosts}
      emptyText={t("postsEmpty")}
      expandable={{ expandedRowRender: (post) => <PostHolders post={post} /> }}
      columns={[
        { title: t("name"), dataIndex: "name" },
        { title: t("community"), dataIndex: "community_name" },
        { title: t("seats"), dataIndex: "seats" },
        { title: t("schedule"), dataIndex: "schedule" },
        { title: t("target"), dataIndex: "target" },
        { title: t("priority"), dataIndex: "priority" },
        {
          title: t("skills"),
          dataIndex: "required_skills",
          render: (skills: Record<string, number>) => <SkillTags skills={skills} atLeast />,
        },
      ]}
    />
  );
}
