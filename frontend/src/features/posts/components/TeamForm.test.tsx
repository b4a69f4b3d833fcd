// The group form: members are shown by name and kept on an edit; the server's refusal of a member from another
// community shows under the members.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import { community, page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { Team } from "../api/posts";
import { TeamForm } from "./TeamForm";

const team: Team = {
  id: 3,
  community: 1,
  kind: "service_team",
  name: "法律服务队",
  specialty: "法律咨询",
  leader: 7,
  leader_name: "张玉芳",
  members: [7, 8],
  member_names: ["张玉芳", "李建国"],
};

let writes: unknown[] = [];
let patchReply: () => Response;
beforeEach(() => {
  writes = [];
  server.use(
    http.get("/api/communities/", ({ response }) => response(200).json(page([community]))),
    http.get("/api/volunteers/", ({ response }) => response(200).json(page([]))),
    http.patch("/api/teams/{id}/", async ({ request, response }) => {
      writes.push(await request.json());
      return response.untyped(patchReply());
    }),
  );
});

it("keeps the members of an edited group and shows a refused member under the field", async () => {
  // given a server that refuses a member first
  patchReply = () =>
    jsonReply(400, {
      message: "members: 不是本社区的志愿者：李建国",
      extra: { code: "invalid", fields: { members: ["不是本社区的志愿者：李建国"] } },
    });
  const onClose = vi.fn();
  renderWithApp(<TeamForm team={team} onClose={onClose} />);
  const form = await screen.findByTestId("team-form");
  expect(within(form).getAllByText("张玉芳").length).toBeGreaterThan(0);
  expect(within(form).getByText("李建国")).toBeInTheDocument();

  // when the specialty changes and the form is saved
  const specialty = within(form).getByLabelText("专长");
  await userEvent.clear(specialty);
  await userEvent.type(specialty, "法律援助");
  await userEvent.click(screen.getByRole("button", { name: "保存" }));

  // then the group is sent with its leader and members, and the refusal shows under the members
  expect(await within(form).findByText("不是本社区的志愿者：李建国")).toBeInTheDocument();
  expect(writes).toEqual([
    { community: 1, kind: "service_team", name: "法律服务队", specialty: "法律援助", leader: 7, members: [7, 8] },
  ]);

  // when the server takes it
  patchReply = () => jsonReply(200, team);
  await userEvent.click(screen.getByRole("button", { name: "保存" }));
  await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith(true));
});
