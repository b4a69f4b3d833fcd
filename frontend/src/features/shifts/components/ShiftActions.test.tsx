// The coordinator's actions on the week's shifts: next week's generation previewed then confirmed, one shift edited
// (what a published plan holds fixed is said and locked; the server's 409 lands on its fields) or cancelled with a
// reason (the dialog says who will be told).
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import dayjs from "dayjs";
import { beforeEach, expect, it } from "vitest";
import { nextMonday } from "@/lib/format";
import { page, skillCatalogue } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { GeneratePreview, Shift } from "../api/shifts";
import { ShiftsPage } from "./ShiftsPage";

const week = nextMonday();
const day = (offset: number, time: string) => `${dayjs(week).add(offset, "day").format("YYYY-MM-DD")}T${time}:00+08:00`;
const shift = (fields: Partial<Shift> = {}): Shift => ({
  id: 1,
  title: "助老送餐",
  community: 1,
  community_name: "百花社区",
  origin: "post",
  week,
  start: day(2, "09:00"),
  end: day(2, "11:00"),
  seats: 3,
  priority: 3,
  required_skills: { first_aid: 2 },
  lat: 34.75,
  lng: 113.62,
  status: "open",
  cancelled_at: null,
  cancel_reason: "",
  published_volunteers: 0,
  ...fields,
});

const preview = (fields: Partial<GeneratePreview> = {}): GeneratePreview => ({
  week,
  created: 2,
  existing: 1,
  by_origin: { post: 1, project: 1 },
  items: [
    {
      key: "post:4:a",
      new: true,
      origin: "post",
      source: 4,
      community: 1,
      community_name: "百花社区",
      title: "政策宣传岗",
      start: day(1, "09:00"),
      end: day(1, "11:00"),
      seats: 2,
      resource_kind: null,
      existing_shift: null,
      existing_status: null,
    },
    {
      key: "project:5:b",
      new: true,
      origin: "project",
      source: 5,
      community: 1,
      community_name: "百花社区",
      title: "四点半课堂",
      start: day(2, "16:30"),
      end: day(2, "18:00"),
      seats: 4,
      resource_kind: "venue",
      existing_shift: null,
      existing_status: null,
    },
    {
      key: "post:4:c",
      new: false,
      origin: "post",
      source: 4,
      community: 1,
      community_name: "百花社区",
      title: "政策宣传岗",
      start: day(3, "09:00"),
      end: day(3, "11:00"),
      seats: 2,
      resource_kind: null,
      existing_shift: 9,
      existing_status: "cancelled",
    },
  ],
  ...fields,
});

let rows: Shift[] = [];
let plan: GeneratePreview = preview();
let writes: { method: string; path: string; body: unknown }[] = [];
let patchReply: (() => Response) | null = null;

beforeEach(() => {
  rows = [shift()];
  plan = preview();
  writes = [];
  patchReply = null;
  server.use(
    http.get("/api/shifts/", ({ response }) => response(200).json(page(rows))),
    http.get("/api/skills/", ({ response }) => response(200).json(page(skillCatalogue))),
    http.get("/api/shifts/generate-preview/", ({ request, response }) =>
      new URL(request.url).searchParams.get("week") === week
        ? response(200).json(plan)
        : response(400).json({ message: "week", extra: { code: "invalid", fields: {} } }),
    ),
    http.post("/api/shifts/generate/", async ({ request, response }) => {
      writes.push({ method: "POST", path: "/api/shifts/generate/", body: await request.json() });
      return response(200).json({ week, created: plan.created, existing: plan.existing, by_origin: plan.by_origin });
    }),
    http.patch("/api/shifts/{id}/", async ({ request, params, response }) => {
      const body = (await request.json()) as Partial<Shift>;
      writes.push({ method: "PATCH", path: `/api/shifts/${params.id}/`, body });
      if (patchReply) return patchReply();
      return response(200).json({ ...rows[0], ...body });
    }),
    http.post("/api/shifts/{id}/cancel/", async ({ request, params, response }) => {
      const body = await request.json();
      writes.push({ method: "POST", path: `/api/shifts/${params.id}/cancel/`, body });
      return response(200).json({ ...rows[0], status: "cancelled", cancel_reason: body.reason });
    }),
  );
});

it("previews next week's shifts with their counts, then adds them on confirm", async () => {
  renderWithApp(<ShiftsPage />);
  await userEvent.click(await screen.findByRole("button", { name: "生成下周班次" }));
  const dialog = await screen.findByRole("dialog");
  expect(await within(dialog).findByText("将新增 2 个班次；已有 1 个，不会重复生成。")).toBeInTheDocument();
  expect(within(dialog).getByText("岗位 1 个")).toBeInTheDocument();
  expect(within(dialog).getByText("项目 1 个")).toBeInTheDocument();
  // one row per shift: two new, one already there (cancelled), with the room the project asks for
  const table = within(dialog).getByRole("table");
  expect(within(table).getAllByText("新增")).toHaveLength(2);
  expect(within(table).getByText("已取消")).toBeInTheDocument();
  expect(within(table).getByText("四点半课堂")).toBeInTheDocument();
  expect(within(table).getByText("场地")).toBeInTheDocument();
  expect(writes).toHaveLength(0);

  await userEvent.click(within(dialog).getByRole("button", { name: "确认生成" }));
  expect(await screen.findByText("已新增 2 个班次")).toBeInTheDocument();
  expect(writes).toEqual([{ method: "POST", path: "/api/shifts/generate/", body: { week } }]);
  await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
});

it("says when there is nothing to add and does not let it be confirmed", async () => {
  plan = preview({ created: 0, existing: 1, by_origin: {}, items: preview().items.slice(2) });
  renderWithApp(<ShiftsPage />);
  await userEvent.click(await screen.findByRole("button", { name: "生成下周班次" }));
  const dialog = await screen.findByRole("dialog");
  expect(await within(dialog).findByText(/没有要新增的班次/)).toBeInTheDocument();
  expect(within(dialog).getByRole("button", { name: "确认生成" })).toBeDisabled();
});

it("edits a shift's seats and sends the shift as the form holds it", async () => {
  renderWithApp(<ShiftsPage />);
  await userEvent.click(await screen.findByRole("button", { name: "编辑" }));
  const dialog = await screen.findByRole("dialog");
  const seats = within(dialog).getByRole("spinbutton", { name: "名额" });
  await userEvent.clear(seats);
  await userEvent.type(seats, "5");
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  expect(await screen.findByText("班次已保存")).toBeInTheDocument();
  expect(writes).toHaveLength(1);
  expect(writes[0]).toMatchObject({ method: "PATCH", path: "/api/shifts/1/" });
  expect(writes[0].body).toEqual({
    title: "助老送餐",
    start: dayjs(day(2, "09:00")).tz("Asia/Shanghai").format(),
    end: dayjs(day(2, "11:00")).tz("Asia/Shanghai").format(),
    seats: 5,
    priority: 3,
    required_skills: { first_aid: 2 },
    resource_request: null,
  });
});

it("says what a published plan holds fixed, and shows the server's refusal on the field", async () => {
  rows = [shift({ published_volunteers: 2 })];
  patchReply = () =>
    jsonReply(409, {
      message: "此修改会破坏已发布的排班：请改为取消该班次，或调整排班。",
      extra: {
        code: "published_plan",
        fields: { seats: ["已发布的排班在该班次安排了 2 名志愿者，名额不能少于此数。"] },
      },
    });
  renderWithApp(<ShiftsPage />);
  await userEvent.click(await screen.findByRole("button", { name: "编辑" }));
  const dialog = await screen.findByRole("dialog");
  expect(within(dialog).getByText(/已发布的排班中有 2 名志愿者在此班次/)).toBeInTheDocument();
  expect(within(dialog).getByRole("combobox", { name: "技能" })).toBeDisabled();
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  expect(
    await within(dialog).findByText("已发布的排班在该班次安排了 2 名志愿者，名额不能少于此数。"),
  ).toBeInTheDocument();
  expect(screen.getByRole("dialog")).toBeInTheDocument();
});

it("cancels a published shift only with a reason, after saying its volunteers will be told", async () => {
  rows = [shift({ published_volunteers: 2 })];
  renderWithApp(<ShiftsPage />);
  await userEvent.click(await screen.findByRole("button", { name: "取消班次" }));
  const dialog = await screen.findByRole("dialog");
  expect(within(dialog).getByText(/2 名志愿者在此班次：他们会收到一次通知，岗位随之结束/)).toBeInTheDocument();
  await userEvent.click(within(dialog).getByRole("button", { name: "确认取消" }));
  expect(await within(dialog).findByText("请填写取消原因")).toBeInTheDocument();
  expect(writes).toHaveLength(0);

  await userEvent.type(within(dialog).getByRole("textbox", { name: "取消原因" }), "场地临时停用");
  await userEvent.click(within(dialog).getByRole("button", { name: "确认取消" }));
  expect(await screen.findByText("班次已取消")).toBeInTheDocument();
  expect(writes).toEqual([{ method: "POST", path: "/api/shifts/1/cancel/", body: { reason: "场地临时停用" } }]);
});

it("shows a cancelled shift struck through, without edit or cancel", async () => {
  rows = [shift({ status: "cancelled", cancel_reason: "暴雨", cancelled_at: day(0, "08:00") })];
  renderWithApp(<ShiftsPage />);
  expect(await screen.findByText("已取消")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "编辑" })).not.toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "取消班次" })).not.toBeInTheDocument();
});
