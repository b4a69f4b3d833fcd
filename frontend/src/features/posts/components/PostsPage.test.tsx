// Posts and their holders: a post opens onto this year's holdings, each person with the holding's status; a post is
// deactivated from its row; the district's third label names the column; the administrator sets it.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import dayjs from "dayjs";
import { beforeEach, expect, it, vi } from "vitest";
import { nextMonday } from "@/lib/format";
import { post, page } from "@/test/fixtures";
import { coordinator, renderWithApp } from "@/test/render";
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
let writes: { path: string; body: unknown }[] = [];
let thirdLabel: "time" | "target" = "time";
beforeEach(() => {
  asked = [];
  writes = [];
  thirdLabel = "time";
  server.use(
    http.get("/api/districts/", ({ response }) =>
      response(200).json(page([{ id: 4, name: "中原区", city: "郑州", code: "ZY", post_third_label: thirdLabel }])),
    ),
    http.patch("/api/districts/{id}/", async ({ params, request, response }) => {
      writes.push({ path: `/api/districts/${params.id}/`, body: await request.json() });
      return response(200).json({ id: 4, name: "中原区", city: "郑州", code: "ZY", post_third_label: "target" });
    }),
    http.patch("/api/posts/{id}/", async ({ params, request, response }) => {
      writes.push({ path: `/api/posts/${params.id}/`, body: await request.json() });
      return response(200).json({ ...row, active: false });
    }),
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
  await userEvent.click(within(row).getAllByRole("button")[0]);
  const holders = await screen.findByTestId("post-holders");
  expect(within(holders).getByText(`${YEAR} 年在岗 1 人（每次 3 个名额）`)).toBeInTheDocument();
  expect(within(holders).getByText("张玉芳 · 在岗")).toBeInTheDocument();
  expect(within(holders).getByText("李建国 · 已婉拒")).toBeInTheDocument();
  expect(asked[0].searchParams.get("post")).toBe("9");
  expect(asked[0].searchParams.get("year")).toBe(String(YEAR));
});

it("deactivates a post from its row", async () => {
  renderWithApp(<PostsPage />);
  const row = (await screen.findByText("政策宣传岗")).closest("tr")!;
  await userEvent.click(within(row).getByRole("button", { name: "停用" }));
  await screen.findByText("岗位已停用，不再生成班次");
  expect(writes).toEqual([{ path: "/api/posts/9/", body: { active: false } }]);
});

it("names the third column after the district's label, which only the administrator sets", async () => {
  // given a district whose posts fix a target (定目标)
  thirdLabel = "target";
  const { unmount } = renderWithApp(<PostsPage />);
  expect(await screen.findByRole("columnheader", { name: "定目标" })).toBeInTheDocument();
  expect(screen.queryByLabelText("第三定")).toBeNull();
  unmount();

  // when the administrator chooses 定时
  thirdLabel = "time";
  renderWithApp(<PostsPage />, { me: { ...coordinator, role: "admin", community: null } });
  const setting = await screen.findByLabelText("第三定");
  expect(await screen.findByRole("columnheader", { name: "定时" })).toBeInTheDocument();
  await userEvent.click(setting);
  await userEvent.click(await screen.findByTitle("定目标"));
  // then the district is changed
  await vi.waitFor(() => expect(writes).toEqual([{ path: "/api/districts/4/", body: { post_third_label: "target" } }]));
});
