// 点单: the need form asks for a title, category and type first; a new need starts in the coordinator's community
// with the usual defaults and no deadline (the server sets it from category and urgency, as the form says); an edit keeps the skills'
// levels and sends the wanted time as instants in the district's zone; the server's field errors land on their fields.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import { addDays, districtToday } from "@/lib/format";
import { community, need as aNeed, page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { NeedForm } from "./NeedForm";

let saveReply: () => Response;
let sent: { method: string; id?: string; body: unknown }[] = [];
beforeEach(() => {
  sent = [];
  server.use(
    http.get("/api/communities/", ({ response }) =>
      response(200).json(page([community, { ...community, id: 2, name: "秦江社区", code: "C2" }])),
    ),
    http.get("/api/grids/", ({ response }) =>
      response(200).json(page([{ id: 4, community: 1, name: "第一网格", code: "C1-G1" }])),
    ),
    http.get("/api/skills/", ({ response }) =>
      response(200).json(page([{ id: 1, code: "first_aid", name: "急救", name_en: "First aid", category: "" }])),
    ),
    http.get("/api/needs/deadline-rules/", ({ response }) =>
      response(200).json([
        { category: "elderly", urgency: 3, days: 7 },
        { category: "elderly", urgency: 5, days: 1 },
      ]),
    ),
    http.post("/api/needs/", async ({ request, response }) => {
      sent.push({ method: "post", body: await request.json() });
      return response.untyped(saveReply());
    }),
    http.patch("/api/needs/{id}/", async ({ params, request, response }) => {
      sent.push({ method: "patch", id: params.id, body: await request.json() });
      return response.untyped(saveReply());
    }),
  );
});

async function pick(dialog: HTMLElement, label: string, option: string) {
  await userEvent.click(within(dialog).getByLabelText(label));
  await userEvent.click(await screen.findByTitle(option));
}

it("asks for title, category and type first, then files the need with its defaults", async () => {
  // given a new need's form, and a server that refuses the title the first time
  const onClose = vi.fn();
  saveReply = () =>
    jsonReply(400, {
      message: "title: 标题含有不允许的字符。",
      extra: { code: "invalid", fields: { title: ["标题含有不允许的字符。"] } },
    });
  renderWithApp(<NeedForm onClose={onClose} />);
  const dialog = await screen.findByRole("dialog");
  expect(dialog).toHaveTextContent("新建需求");

  // when saved empty
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  // then the client asks first
  expect(await within(dialog).findByText("请输入标题")).toBeInTheDocument();
  expect(await within(dialog).findByText("请选择类别")).toBeInTheDocument();
  expect(await within(dialog).findByText("请选择需求类型")).toBeInTheDocument();
  expect(sent).toEqual([]);

  // when filled in and saved
  await userEvent.type(within(dialog).getByLabelText("标题"), " 陪老人就医 ");
  await pick(dialog, "类别", "为老服务");
  await pick(dialog, "需求类型", "服务");
  // the deadline the server will set is shown, from the district's table
  const inAWeek = addDays(districtToday(), 7);
  expect(await within(dialog).findByText(`留空则按类别和紧急度定为 ${inAWeek}（7 天内办结）`)).toBeInTheDocument();
  await userEvent.click(within(dialog).getByLabelText("微心愿"));
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));

  // then the server's field error is on its field, and the body had the defaults
  expect(await within(dialog).findByText("标题含有不允许的字符。")).toBeInTheDocument();
  expect(onClose).not.toHaveBeenCalled();
  expect(sent).toEqual([
    {
      method: "post",
      body: {
        title: "陪老人就医",
        description: "",
        source: "resident",
        category: "elderly",
        type: "service",
        community: 1,
        grid: null,
        required_skills: {},
        headcount: 1,
        wanted_start: null,
        wanted_end: null,
        urgency: 3,
        is_micro_wish: true,
        requester_name: "",
        requester_phone: "",
        deadline: null,
      },
    },
  ]);

  // when the server takes it
  const saved = aNeed({ id: 31, title: "陪老人就医", deadline: "2026-12-14", owner: 1, owner_name: "shequ" });
  saveReply = () => jsonReply(201, saved);
  await userEvent.clear(within(dialog).getByLabelText("标题"));
  await userEvent.type(within(dialog).getByLabelText("标题"), "陪老人就医");
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  // then the saved need is handed back
  await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith(expect.objectContaining({ id: 31, owner: 1 })));
});

it("edits a need: the skills keep their levels and the wanted time is sent in the district's zone", async () => {
  // given a need asking for first aid at level 3, wanted on a morning, with a deadline
  const onClose = vi.fn();
  const need = aNeed({
    id: 9,
    title: "助老陪诊",
    grid: 4,
    required_skills: { first_aid: 3 },
    headcount: 2,
    wanted_start: "2026-12-10T01:00:00Z",
    wanted_end: "2026-12-10T03:00:00Z",
    urgency: 4,
    requester_name: "王小明",
    requester_phone: "13700001234",
    deadline: "2026-12-12",
  });
  saveReply = () => jsonReply(200, { ...need, headcount: 3 });
  renderWithApp(<NeedForm need={need} onClose={onClose} />);
  const dialog = await screen.findByRole("dialog");
  expect(dialog).toHaveTextContent("编辑需求：助老陪诊");
  expect(within(dialog).getByLabelText("提出人电话")).toHaveValue("13700001234");

  // when one more person is asked for
  const headcount = within(dialog).getByLabelText("所需人数");
  await userEvent.clear(headcount);
  await userEvent.type(headcount, "3");
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));

  // then
  await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith(expect.objectContaining({ headcount: 3 })));
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({
    method: "patch",
    id: "9",
    body: {
      grid: 4,
      required_skills: { first_aid: 3 },
      headcount: 3,
      wanted_start: "2026-12-10T09:00:00+08:00",
      wanted_end: "2026-12-10T11:00:00+08:00",
      urgency: 4,
      requester_name: "王小明",
      requester_phone: "13700001234",
      deadline: "2026-12-12",
    },
  });
});
