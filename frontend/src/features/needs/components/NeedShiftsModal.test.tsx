// 生成班次: the client asks for dates and a time first; the server's field errors land on their fields (start/end
// times on the one time picker), a 409 refusal shows in an alert; a good form posts one body for all dates.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import { addDays, districtToday } from "@/lib/format";
import { need, page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { Need } from "../api/needs";
import { NeedShiftsModal } from "./NeedShiftsModal";

let shiftsReply: () => Response;
let posted: unknown[] = [];
beforeEach(() => {
  posted = [];
  server.use(
    http.post("/api/needs/{id}/shifts/", async ({ params, request, response }) => {
      posted.push({ need: params.id, body: await request.json() });
      return response.untyped(shiftsReply());
    }),
    http.get("/api/skills/", ({ response }) =>
      response(200).json(page([{ id: 1, code: "first_aid", name: "急救", name_en: "First aid" }])),
    ),
  );
});

const posts = () => posted;
const base: Need = need({ required_skills: { first_aid: 2 }, headcount: 3, urgency: 4 });
const day = addDays(districtToday(), 3);
// As the server sends it, with the district's offset: the browser (in Los Angeles here) still offers 09:00 on that day.
const wanted = { ...base, wanted_start: `${day}T09:00:00+08:00`, wanted_end: `${day}T11:00:00+08:00` };

it("asks for dates and a time before sending anything, and says a pending need is approved", async () => {
  renderWithApp(<NeedShiftsModal need={base} onClose={vi.fn()} onDone={vi.fn()} />);
  const dialog = await screen.findByRole("dialog");
  expect(dialog).toHaveTextContent("生成班次：助老陪诊");
  expect(dialog).toHaveTextContent("同时审核通过");
  await userEvent.click(within(dialog).getByRole("button", { name: "生成" }));
  expect(await within(dialog).findByText("请至少选择一个日期")).toBeInTheDocument();
  expect(await within(dialog).findByText("请选择开始和结束时间")).toBeInTheDocument();
  expect(posts()).toHaveLength(0);
});

it("sends the wanted date and time, shows the server's field errors on their fields and a 409 in an alert", async () => {
  const onDone = vi.fn();
  shiftsReply = () =>
    jsonReply(400, {
      message: "end_time: 结束时间必须晚于开始时间。",
      extra: { code: "invalid", fields: { end_time: ["结束时间必须晚于开始时间。"], seats: ["名额太多。"] } },
    });
  renderWithApp(<NeedShiftsModal need={wanted} onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByRole("button", { name: "生成" }));

  expect(await within(dialog).findByText("结束时间必须晚于开始时间。")).toBeInTheDocument();
  expect(await within(dialog).findByText("名额太多。")).toBeInTheDocument();
  expect(within(dialog).queryByRole("alert")).toBeNull();
  expect(posts()[0]).toEqual({
    need: "9",
    body: {
      dates: [day],
      start_time: "09:00",
      end_time: "11:00",
      seats: 3,
      required_skills: { first_aid: 2 },
      address: "",
    },
  });

  shiftsReply = () =>
    jsonReply(409, {
      message: `这条需求在 ${day} 09:00 已有班次。`,
      extra: { code: "shift_exists", fields: { dates: [day] } },
    });
  await userEvent.click(within(dialog).getByRole("button", { name: "生成" }));
  const alert = await within(dialog).findByRole("alert");
  expect(alert).toHaveTextContent("无法生成班次");
  expect(alert).toHaveTextContent(`这条需求在 ${day} 09:00 已有班次。`);
  expect(onDone).not.toHaveBeenCalled();
});

it("hands back the shifts the server made", async () => {
  const onDone = vi.fn();
  shiftsReply = () =>
    jsonReply(201, {
      need: { ...wanted, status: "published" },
      shifts: [{ id: 5, title: "助老陪诊", start: "", end: "", seats: 3, priority: 4 }],
    });
  renderWithApp(<NeedShiftsModal need={wanted} onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByRole("button", { name: "生成" }));
  await vi.waitFor(() =>
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ shifts: [expect.objectContaining({ id: 5 })] })),
  );
});
