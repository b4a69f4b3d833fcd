// The project form: the client asks for the name, community and period first, and for a session time and seats once
// weekdays are chosen; the server's field errors land on their fields (a time error on the session picker); a
// saved form sends the API's fields, keeping the level of a skill asked for before.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import dayjs from "dayjs";
import { beforeEach, expect, it, vi } from "vitest";
import type { Schema } from "@/lib/api";
import { community, page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { Project } from "../api/projects";
import { ProjectForm, toInput } from "./ProjectForm";

const project: Project = {
  id: 5,
  community: 1,
  community_name: "百花社区",
  name: "四点半课堂",
  goals: "课后托管",
  unit: null,
  team: null,
  needs: [3],
  resources: [],
  frequency: "weekly",
  start_date: "2026-09-01",
  end_date: "2027-01-15",
  weekdays: [2, 4],
  start_time: "16:30:00",
  end_time: "18:00:00",
  seats: 3,
  required_skills: { tutoring: 2 },
  resource_kind: "venue",
  resource_min_capacity: 30,
};

let skills: Schema<"Skill">[] = [];
let patchReply: () => Response;
let writes: { method: string; path: string; body: unknown }[] = [];
beforeEach(() => {
  skills = [];
  writes = [];
  server.use(
    http.get("/api/communities/", ({ response }) => response(200).json(page([community]))),
    http.get("/api/skills/", ({ response }) => response(200).json(page(skills))),
    http.patch("/api/projects/{id}/", async ({ params, request, response }) => {
      writes.push({ method: "PATCH", path: `/api/projects/${params.id}/`, body: await request.json() });
      return response.untyped(patchReply());
    }),
    http.post("/api/projects/", async ({ request, response }) => {
      writes.push({ method: "POST", path: "/api/projects/", body: await request.json() });
      return response(201).json({ ...project, id: 9 });
    }),
  );
});

it("turns the form's values into the API's fields", () => {
  const input = toInput(
    {
      name: " 四点半课堂 ",
      community: 1,
      period: [dayjs("2026-09-01"), dayjs("2027-01-15")],
      frequency: "weekly",
      weekdays: [4, 2],
      session: [dayjs("2026-01-01T16:30"), dayjs("2026-01-01T18:00")],
      seats: 3,
      skills: ["tutoring", "first_aid"],
      resourceKind: "venue",
      minCapacity: 40,
      goals: "",
    },
    { tutoring: 2 },
  );
  expect(input).toEqual({
    name: "四点半课堂",
    community: 1,
    goals: "",
    frequency: "weekly",
    start_date: "2026-09-01",
    end_date: "2027-01-15",
    weekdays: [2, 4],
    start_time: "16:30",
    end_time: "18:00",
    seats: 3,
    required_skills: { tutoring: 2, first_aid: 1 },
    resource_kind: "venue",
    resource_min_capacity: 40,
  });
  // without a kind no capacity is asked for
  const none = toInput({
    name: "x",
    community: 1,
    period: [dayjs("2026-09-01"), dayjs("2026-09-02")],
    frequency: "once",
    weekdays: [],
    seats: 0,
    skills: [],
    minCapacity: 40,
    goals: "",
  });
  expect([none.resource_kind, none.resource_min_capacity]).toEqual(["", 0]);
});

it("asks for the name and the period before sending anything", async () => {
  renderWithApp(<ProjectForm onClose={vi.fn()} />);
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  expect(await within(dialog).findByText("请输入项目名称")).toBeInTheDocument();
  expect(await within(dialog).findByText("请选择起止日期")).toBeInTheDocument();
  expect(writes).toHaveLength(0);
});

it("asks for a session and seats once weekdays are chosen, then shows the server's errors on their fields", async () => {
  const onClose = vi.fn();
  patchReply = () =>
    jsonReply(400, {
      message: "start_time: 会期需要时段和名额。",
      extra: { code: "invalid", fields: { start_time: ["会期需要时段和名额。"], name: ["已有同名项目。"] } },
    });
  renderWithApp(
    <ProjectForm
      project={{ ...project, weekdays: [], start_time: null, end_time: null, seats: 0 }}
      onClose={onClose}
    />,
  );
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByRole("checkbox", { name: "周三" }));
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  expect(await within(dialog).findByText("选了每周的日子，请填写时段")).toBeInTheDocument();
  expect(await within(dialog).findByText("选了每周的日子，名额至少为 1")).toBeInTheDocument();
  expect(writes).toHaveLength(0);

  // Without weekdays the project is saved as it is; the server refuses and its errors land on the fields.
  await userEvent.click(within(dialog).getByRole("checkbox", { name: "周三" }));
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  expect(await within(dialog).findByText("已有同名项目。")).toBeInTheDocument();
  expect(await within(dialog).findByText("会期需要时段和名额。")).toBeInTheDocument();
  expect(onClose).not.toHaveBeenCalled();
  expect(writes).toHaveLength(1);
  expect(writes[0]).toMatchObject({ method: "PATCH", path: "/api/projects/5/" });
  expect(writes[0].body).toEqual({
    name: "四点半课堂",
    community: 1,
    goals: "课后托管",
    frequency: "weekly",
    start_date: "2026-09-01",
    end_date: "2027-01-15",
    weekdays: [],
    start_time: null,
    end_time: null,
    seats: 0,
    required_skills: { tutoring: 2 },
    resource_kind: "venue",
    resource_min_capacity: 30,
  });
  // what was typed is still there
  expect(within(dialog).getByLabelText("项目名称")).toHaveValue("四点半课堂");
});

it("refuses a period that ends before its start day and a session that ends when it starts", async () => {
  renderWithApp(
    <ProjectForm project={{ ...project, end_date: "2026-08-31", end_time: project.start_time }} onClose={vi.fn()} />,
  );
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  expect(await within(dialog).findByText("结束日期不能早于开始日期")).toBeInTheDocument();
  expect(await within(dialog).findByText("结束时间要晚于开始时间")).toBeInTheDocument();
  expect(writes).toHaveLength(0);
});

it("saves a one-day project (it ends on the day it starts)", async () => {
  const onClose = vi.fn();
  patchReply = () => jsonReply(200, project);
  renderWithApp(<ProjectForm project={{ ...project, end_date: project.start_date }} onClose={onClose} />);
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith(true));
  expect(writes[0]).toMatchObject({
    method: "PATCH",
    path: "/api/projects/5/",
    body: { start_date: project.start_date, end_date: project.start_date },
  });
});

it("creates a project from what was typed, with the level asked of each skill", async () => {
  const onClose = vi.fn();
  skills = [{ id: 4, code: "tutoring", name: "课业辅导", name_en: "Tutoring" }];
  renderWithApp(<ProjectForm onClose={onClose} />);
  const dialog = await screen.findByRole("dialog");
  await userEvent.type(within(dialog).getByLabelText("项目名称"), "周末助学");
  await userEvent.type(within(dialog).getByPlaceholderText("开始日期"), "2026-09-05{Enter}");
  await userEvent.type(within(dialog).getByPlaceholderText("结束日期"), "2026-12-26{Enter}");
  await userEvent.click(within(dialog).getByRole("checkbox", { name: "周六" }));
  await userEvent.type(within(dialog).getByPlaceholderText("开始时间"), "09:00{Enter}");
  await userEvent.type(within(dialog).getByPlaceholderText("结束时间"), "11:00{Enter}");
  await userEvent.clear(within(dialog).getByLabelText("每次名额"));
  await userEvent.type(within(dialog).getByLabelText("每次名额"), "4");
  await userEvent.click(within(dialog).getByLabelText("技能"));
  await userEvent.click(await screen.findByTitle("课业辅导"));
  await userEvent.type(await within(dialog).findByLabelText("课业辅导 等级"), "3");
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));

  await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith(true));
  expect(writes).toHaveLength(1);
  expect(writes[0]).toMatchObject({ method: "POST", path: "/api/projects/" });
  expect(writes[0].body).toEqual({
    name: "周末助学",
    community: 1,
    goals: "",
    frequency: "weekly",
    start_date: "2026-09-05",
    end_date: "2026-12-26",
    weekdays: [6],
    start_time: "09:00",
    end_time: "11:00",
    seats: 4,
    required_skills: { tutoring: 3 },
    resource_kind: "",
    resource_min_capacity: 0,
  });
});
