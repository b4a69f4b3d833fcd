// Posts and their holders: a post opens onto this year's holdings, each person with the holding's status.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import dayjs from "dayjs";
import { beforeEach, expect, it } from "vitest";
import { nextMonday } from "@/lib/format";
import { post, page } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { PostsPage } from "./PostsPage";

const row = post({
  id: 9,
  name: "政策宣传岗",
  community_name: "百花社区",
  seats: 3,
  schedule: "周六 09:00–11:00",
  target: "每月 4 次",
  priority: 3,
  required_skills: {},
  active: true,
});
const YEAR = dayjs(nextMonday()).year();

let asked: URL[] = [];
beforeEach(() => {
  asked = [];
  server.use(
    http.get("/api/posts/", ({ response }) => response(200).json(page([row]))),
    http.get("/api/post-holdings/", ({ request, response }) => {
      asked.push(new URL(request.url));
      return response(200).json(
        page([
          {
            id: 1,
            post: 9,
            post_name: "政策宣传岗",
            volunteer: 1,
            volunteer_name: "张玉芳",
            year: YEAR,
            status: "active",
          },
          {
            id: 2,
            post: 9,
            post_name: "政策宣传岗",
            volunteer: 2,
            volunteer_name: "李建国",
            year: YEAR,
            status: "declined",
          },
        ]),
      );
    }),
    http.get("/api/skills/", ({ response }) => response(200).json(page([]))),
  );
});
it("opens a post onto who holds it this year", async () => {
  renderWithApp(<PostsPage />);
  const row = (await screen.findByText("政策宣传岗")).closest("tr")!;
  await userEvent.click(within(row).getByRole("button"));
  const holders = await screen.findByTestId("post-holders");
  expect(within(holders).getByText(`${YEAR} 年在岗 1 人（每次 3 个名额）`)).toBeInTheDocument();
  expect(within(holders).getByText("张玉芳 · 在岗")).toBeInTheDocument();
  expect(within(holders).getByText("李建国 · 已婉拒")).toBeInTheDocument();
  expect(asked[0].searchParams.get("post")).toBe("9");
  expect(asked[0].searchParams.get("year")).toBe(String(YEAR));
});
