// My posts this week and upcoming, phone first: one card each, accept or decline before the deadline; or the same
// posts on a week calendar (starting at the week of the next post).
import { App, Button, Segmented, Space, Tag, Typography } from "antd";
import { EnvironmentOutlined, TeamOutlined } from "@ant-design/icons";
import type { Dayjs } from "dayjs";
import { lazy, Suspense, useState } from "react";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { Panel } from "@/components/Panel";
import { ApiError } from "@/lib/api";
import { districtNow, districtTime, formatDateTime, formatSpan, isPast, mondayOf } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useAcceptPost, useMyPosts, type MyPost } from "../api/myPosts";
import { DeclineModal } from "./DeclineModal";
import { POST_COLOURS } from "./postColours";

// The calendar view brings the week calendar and its date picker: loaded when it is first chosen.
const MyPostsCalendar = lazy(() => import("./MyPostsCalendar").then((m) => ({ default: m.MyPostsCalendar })));

export function PostCard({
  post,
  onAccept,
  onDecline,
  busy,
}: {
  post: MyPost;
  onAccept: () => void;
  onDecline: () => void;
  busy?: boolean;
}) {
  const { t } = useI18n();
  const open = !isPast(post.deadline) && !["declined", "moved", "cancelled"].includes(post.status);
  return (
    <Panel
      size="small"
      title={post.shift_title}
      extra={<Tag color={POST_COLOURS[post.status]}>{enumLabel(t, "postStatus", post.status)}</Tag>}
      testId="my-post"
    >
      <Space orientation="vertical" size={4} style={{ width: "100%" }}>
        <Typography.Text strong>{formatSpan(post.start, post.end)}</Typography.Text>
        <Typography.Text>
          <EnvironmentOutlined /> {post.place.community} {post.place.address}
        </Typography.Text>
        {post.post && <Typography.Text type="secondary">{post.post.duties}</Typography.Text>}
        {post.others.length > 0 && (
          <Typography.Text type="secondary">
            <TeamOutlined /> {t("others", { names: post.others.join("、") })}
          </Typography.Text>
        )}
        {post.status === "declined" && post.reason && <Typography.Text type="secondary">{post.reason}</Typography.Text>}
        {open && (
          <>
            <Typography.Text type="warning">{t("answerBy", { time: formatDateTime(post.deadline) })}</Typography.Text>
            <Space>
              {post.status !== "accepted" && (
                <Button type="primary" onClick={onAccept} loading={busy}>
                  {t("accept")}
                </Button>
              )}
              <Button danger onClick={onDecline}>
                {t("decline")}
              </Button>
            </Space>
          </>
        )}
      </Space>
    </Panel>
  );
}

/** The week to open the calendar on: the week of the next post still to come, else this week. */
export function firstWeek(rows: MyPost[], now: Dayjs = districtNow()): string {
  const next = rows.filter((p) => districtTime(p.end).isAfter(now)).sort((a, b) => a.start.localeCompare(b.start))[0];
  return mondayOf(next ? next.start : districtTime(now));
}

export function MyPostsPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const posts = useMyPosts();
  const accept = useAcceptPost();
  const [declining, setDeclining] = useState<MyPost | null>(null);
  const [view, setView] = useState<"list" | "calendar">("list");

  if (posts.isLoading) return <Loading />;
  if (posts.isError) return <ErrorState error={posts.error} onRetry={() => posts.refetch()} />;
  const rows = posts.data ?? [];
  return (
    <Space orientation="vertical" style={{ width: "100%", maxWidth: view === "calendar" ? undefined : 720 }}>
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("myPostsTitle")}
        </Typography.Title>
        <Segmented
          value={view}
          onChange={(value) => setView(value as "list" | "calendar")}
          options={[
            { value: "list", label: t("viewList") },
            { value: "calendar", label: t("viewCalendar") },
          ]}
        />
      </Space>
      {rows.length === 0 ? (
        <EmptyState text={t("myPostsEmpty")} />
      ) : view === "calendar" ? (
        <Suspense fallback={<Loading />}>
          <MyPostsCalendar rows={rows} initialWeek={firstWeek(rows)} />
        </Suspense>
      ) : (
        // a plain list of panels: antd's List would bring Pagination and Select along (the page has a size budget)
        <div>
          {rows.map((post) => (
            <div key={post.id} style={{ padding: "6px 0" }}>
              <PostCard
                post={post}
                busy={accept.isPending && accept.variables === post.id}
                onAccept={() =>
                  accept.mutate(post.id, {
                    onSuccess: () => void message.success(t("acceptedOk")),
                    onError: (e) =>
                      void modal.error({ title: t("refused"), content: e instanceof ApiError ? e.message : String(e) }),
                  })
                }
                onDecline={() => setDeclining(post)}
              />
            </div>
          ))}
        </div>
      )}
      {declining && (
        <DeclineModal
          post={declining}
          onClose={() => setDeclining(null)}
          onDone={() => {
            setDeclining(null);
            message.success(t("declined"));
          }}
        />
      )}
    </Space>
  );
}
