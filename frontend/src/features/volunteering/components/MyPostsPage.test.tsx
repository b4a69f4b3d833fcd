// My posts on a week calendar: it opens on the week of my next post, shows each post on its day with its
// status, and another week says when it holds none of mine.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import dayjs from "dayjs";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { page } from "@/test/fixtures";
import { renderWithApp, volunteerMe } from "@/test/render";
import { http, server } from "@/test/server";
import { firstWeek, MyPostsPage } from "./MyPostsPage";
import type { MyPost } from "../api/myPosts";

const at = (days: number, time: string) => `${dayjs().add(days, "day").format("YYYY-MM-DD")}T${time}:00`;
const post = (id: number, title: string, days: number, status: MyPost["status"], from = "09:00"): MyPost => ({
  id,
  run: 1,
  shift: id,
  shift_title: title,
  start: at(days, from),
  end: at(days, "23:00"),
  place: { community: "百花社区", address: "文化路 1 号", lat: 0, lng: 0 },
  post: null,
  status,
  reason: "",
  answered_at: null,
  deadline: at(days - 1, "20:00"),
  others: [],
});

// The calendar view is a chunk of its own, fetched when chosen; imported here first so that choosing it waits for
// the render only, not for the module's transform.
beforeAll(async () => {
  await import("./MyPostsCalendar");
});

let rows: MyPost[] = [];
beforeEach(() => {
  server.use(http.get("/api/me/posts/", ({ response }) => response(200).json(page(rows))));
});

it("opens on the week of the next post to come, else this week", () => {
  const now = dayjs("2026-12-03T12:00:00");
  const past = { ...post(1, "旧", 0, "accepted"), start: "2026-11-20T09:00:00", end: "2026-11-20T11:00:00" };
  const later = { ...post(2, "新", 0, "pending"), start: "2026-12-16T09:00:00", end: "2026-12-16T11:00:00" };
  expect(firstWeek([later, past], now)).toBe("2026-12-14");
  expect(firstWeek([past], now)).toBe("2026-11-30");
});

it("shows my posts of the week on their days with their status", async () => {
  rows = [
    post(1, "助老送餐", 9, "pending"),
    post(2, "文明劝导", 9, "accepted", "14:00"),
    post(3, "很久以后", 40, "pending"),
  ];
  renderWithApp(<MyPostsPage />, { me: volunteerMe });
  await userEvent.click(await screen.findByText("日历"));
  const first = dayjs().add(9, "day");
  const column = await screen.findByTestId(`my-posts-week-${first.format("YYYY-MM-DD")}`);
  expect(within(column).getByText("助老送餐")).toBeInTheDocument();
  expect(within(column).getByText("待确认")).toBeInTheDocument();
  expect(within(column).getByText("已接受")).toBeInTheDocument();
  const items = screen.getAllByTestId("my-posts-week-item").map((el) => el.textContent);
  expect(items).toHaveLength(2);
  expect(items[0]).toContain("助老送餐");
  expect(items[1]).toContain("文明劝导");

  // Three weeks on lies before the post 40 days away (31 days after the first one).
  for (let i = 0; i < 3; i += 1) await userEvent.click(screen.getByRole("button", { name: "下一周" }));
  expect(await screen.findByText("这一周没有您的岗位。")).toBeInTheDocument();
  expect(screen.queryAllByTestId("my-posts-week-item")).toHaveLength(0);
});
