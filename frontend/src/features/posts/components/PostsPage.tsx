// Posts under 一编三定: seats, the fixed schedule and target, required skills.
import { SkillTags } from "@/components/SkillTags";
import { SimpleList } from "@/components/SimpleList";
import { useI18n } from "@/lib/i18n";
import { usePosts, type Post } from "../api/posts";

export function PostsPage() {
  const { t } = useI18n();
  return (
    <SimpleList<Post>
      title={t("menuPosts")}
      useRows={usePosts}
      emptyText={t("postsEmpty")}
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
