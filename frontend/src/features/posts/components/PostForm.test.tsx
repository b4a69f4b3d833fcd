// The post form: a new post sends every field of 岗 责 时 (skills with their levels, the schedule rule, the target);
// an edit keeps the level of a skill asked before; a server's field error lands on its field.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import { community, page, post, skillCatalogue } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { PostForm } from "./PostForm";

const existing = post({
  id: 9,
  name: "法律服务岗",
  category: "legal",
  duties: "解答法律问题",
  seats: 2,
  required_skills: { legal_advice: 3 },
  weekdays: [6],
  start_time: "09:00:00",
  end_time: "11:00:00",
  target: "每月 20 人次",
  priority: 3,
  lat: 34.75,
  lng: 113.62,
  active: true,
  team: null,
});

let writes: { method: string; body: unknown }[] = [];
let patchReply: () => Response;
beforeEach(() => {
  writes = [];
  server.use(
    http.get("/api/communities/", ({ response }) => response(200).json(page([community]))),
    http.get("/api/skills/", ({ response }) => response(200).json(page(skillCatalogue))),
    http.get("/api/teams/", ({ response }) => response(200).json(page([]))),
    http.patch("/api/posts/{id}/", async ({ request, response }) => {
      writes.push({ method: "PATCH", body: await request.json() });
      return response.untyped(patchReply());
    }),
  );
});

it("edits a post: every field is sent, the skill keeps its level, a refusal lands on its field", async () => {
  // given a server that refuses the name first
  patchReply = () =>
    jsonReply(400, {
      message: "name: 本社区已有同名岗位。",
      extra: { code: "invalid", fields: { name: ["本社区已有同名岗位。"] } },
    });
  const onClose = vi.fn();
  renderWithApp(<PostForm post={existing} thirdLabel="target" onClose={onClose} />);
  const form = await screen.findByTestId("post-form");
  // the district's third label names the target
  expect(within(form).getByText("定目标")).toBeInTheDocument();

  // when the seats change and the form is saved
  const seats = within(form).getByLabelText("名额");
  await userEvent.clear(seats);
  await userEvent.type(seats, "4");
  await userEvent.click(screen.getByRole("button", { name: "保存" }));

  // then the whole post is sent, and the refusal shows under the name
  expect(await within(form).findByText("本社区已有同名岗位。")).toBeInTheDocument();
  expect(writes).toEqual([
    {
      method: "PATCH",
      body: {
        community: 1,
        team: null,
        name: "法律服务岗",
        category: "legal",
        duties: "解答法律问题",
        seats: 4,
        required_skills: { legal_advice: 3 },
        weekdays: [6],
        start_time: "09:00",
        end_time: "11:00",
        target: "每月 20 人次",
        priority: 3,
        lat: 34.75,
        lng: 113.62,
        active: true,
      },
    },
  ]);
  expect(onClose).not.toHaveBeenCalled();

  // when the server takes it
  patchReply = () => jsonReply(200, existing);
  await userEvent.click(screen.getByRole("button", { name: "保存" }));
  await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith(true));
});

it("asks for a name, weekdays and the times before sending a new post", async () => {
  renderWithApp(<PostForm thirdLabel="time" onClose={vi.fn()} />);
  await screen.findByTestId("post-form");
  await userEvent.click(screen.getByRole("button", { name: "保存" }));
  expect(await screen.findByText("请填写岗位名称")).toBeInTheDocument();
  expect(screen.getByText("至少选择一天")).toBeInTheDocument();
  expect(screen.getByText("请选择起止时间")).toBeInTheDocument();
  expect(writes).toEqual([]);
});
