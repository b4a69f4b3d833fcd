// The inbox: newest first, unread marked; a message about a run links to it for coordinators.
import { Badge, Button, List, Space, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { EmptyState, ErrorState } from "@/components/PageState";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { isCoordinator, useSession } from "@/lib/session";
import { useInbox, useMarkAllRead, useMarkRead } from "../api/inbox";

export function InboxPage() {
  const { t } = useI18n();
  const me = useSession();
  const [page, setPage] = useState(1);
  const inbox = useInbox(page);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  if (inbox.isError) return <ErrorState error={inbox.error} onRetry={() => inbox.refetch()} />;
  const rows = inbox.data?.results ?? [];
  return (
    <Space orientation="vertical" style={{ width: "100%", maxWidth: 860 }}>
      <Space style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("inboxTitle")}
        </Typography.Title>
        <Button onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={!rows.some((n) => !n.read)}>
          {t("markAllRead")}
        </Button>
      </Space>
      <List
        loading={inbox.isLoading}
        dataSource={rows}
        locale={{ emptyText: <EmptyState text={t("inboxEmpty")} /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: inbox.data?.count,
          onChange: setPage,
          size: "small",
          hideOnSinglePage: true,
        }}
        renderItem={(n) => {
          const run = typeof n.payload?.run === "number" ? n.payload.run : null;
          return (
            <List.Item
              data-testid="notification"
              onClick={() => !n.read && markRead.mutate(n.id)}
              style={{ cursor: n.read ? "default" : "pointer" }}
              actions={
                run && isCoordinator(me)
                  ? [
                      <Link key="run" to={`/runs/${run}`}>
                        {t("openRun")}
                      </Link>,
                    ]
                  : me.role === "volunteer" && n.payload?.assignment
                    ? [
                        <Link key="posts" to="/my/posts">
                          {t("menuMyPosts")}
                        </Link>,
                      ]
                    : []
              }
            >
              <List.Item.Meta
                title={
                  <Space>
                    {!n.read && <Badge status="processing" text={t("unread")} />}
                    <span>{n.title}</span>
                  </Space>
                }
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.created_at)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </Space>
  );
}
