// My posts on a week calendar, one week at a time; a module of its own so that the list view (the volunteer's
// first page) does not load the calendar and its date picker.
import { EnvironmentOutlined } from "@ant-design/icons";
import { Space, Tag, Typography } from "antd";
import { useState } from "react";
import { WeekCalendar, WeekPicker } from "@/components/WeekCalendar";
import { addDays, dayOf } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import type { MyPost } from "../api/myPosts";
import { POST_COLOURS } from "./postColours";

export function MyPostsCalendar({ rows, initialWeek }: { rows: MyPost[]; initialWeek: string }) {
  const { t } = useI18n();
  const [week, setWeek] = useState(initialWeek);
  const end = addDays(week, 7);
  const inWeek = rows.filter((p) => dayOf(p.start) >= week && dayOf(p.start) < end);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <WeekPicker week={week} onChange={setWeek} />
      {inWeek.length === 0 && <Typography.Text type="secondary">{t("myPostsWeekEmpty")}</Typography.Text>}
      <WeekCalendar
        week={week}
        items={inWeek.map((p) => ({ ...p, key: p.id }))}
        title={(p) => p.shift_title}
        testId="my-posts-week"
      >
        {(p) => (
          <Space orientation="vertical" size={2}>
            <Typography.Text style={{ fontSize: 12 }}>
              <EnvironmentOutlined /> {p.place.community}
            </Typography.Text>
            <Tag color={POST_COLOURS[p.status]}>{enumLabel(t, "postStatus", p.status)}</Tag>
          </Space>
        )}
      </WeekCalendar>
    </Space>
  );
}
