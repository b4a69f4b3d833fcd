// 项目清单: the service projects of the caller's scope, each with its period, when it meets, its seats and skills
// and the needs bound to it; create, edit and delete. A weekly project that meets on some weekdays makes one shift
// per weekday when a week's shifts are generated.
import { App, Button, Popconfirm, Space, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useState } from "react";
import { SimpleList } from "@/components/SimpleList";
import { SkillTags } from "@/components/SkillTags";
import { ApiError } from "@/lib/api";
import { enumLabel, useI18n, type MessageKey } from "@/lib/i18n";
import { useDeleteProject, useProjects, type Project } from "../api/projects";
import { ProjectForm } from "./ProjectForm";

const hhmm = (value: string | null) => (value ? value.slice(0, 5) : "");

export function ProjectsPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<Project | "new" | null>(null);
  const remove = useDeleteProject();

  const meets = ({ weekdays = [], start_time = null, end_time = null }: Project) =>
    weekdays.length === 0
      ? "—"
      : `${weekdays.map((d) => t(`weekday_${d}` as MessageKey)).join("、")} ${hhmm(start_time)}–${hhmm(end_time)}`;

  return (
    <>
      <SimpleList<Project>
        title={t("menuProjects")}
        useRows={useProjects}
        emptyText={t("projectsEmpty")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("newProject")}
          </Button>
        }
        columns={[
          { title: t("projectName"), dataIndex: "name" },
          { title: t("community"), dataIndex: "community_name" },
          { title: t("projectPeriod"), render: (_, p) => `${p.start_date} ~ ${p.end_date}` },
          { title: t("projectFrequency"), dataIndex: "frequency", render: (_, p) => enumLabel(t, "freq", p.frequency) },
          { title: t("projectMeets"), render: (_, p) => meets(p) },
          { title: t("seats"), dataIndex: "seats" },
          {
            title: t("skills"),
            dataIndex: "required_skills",
            render: (skills: Record<string, number>) => <SkillTags skills={skills} atLeast />,
          },
          { title: t("projectNeeds"), render: (_, p) => p.needs?.length ?? 0 },
          {
            title: t("actions"),
            render: (_, p) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(p)}>
                  {t("edit")}
                </Button>
                <Popconfirm
                  title={t("projectDeleteConfirm", { name: p.name })}
                  okText={t("confirm")}
                  cancelText={t("cancel")}
                  onConfirm={() =>
                    remove.mutate(p.id, {
                      onSuccess: () => void message.success(t("projectDeleted")),
                      onError: (e) => {
                        modal.error({
                          title: t("projectDeleteRefused"),
                          content: e instanceof ApiError ? e.message : String(e),
                        });
                      },
                    })
                  }
                >
                  <Button type="link" size="small" danger>
                    {t("delete")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t("projectsHelp")}
      </Typography.Paragraph>
      {editing && (
        <ProjectForm
          project={editing === "new" ? undefined : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) message.success(t("saved"));
          }}
        />
      )}
    </>
  );
}
