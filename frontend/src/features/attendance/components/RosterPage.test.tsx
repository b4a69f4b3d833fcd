// 签到名单: everyone expected with their state; marking absent needs a reason before anything is sent; closing a
// forgotten check-out sends the shift's end and no check-in (the QR one stays); a refusal lands on its field.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { AttendanceRow, Roster, RosterEntry } from "../api/attendance";
import { RosterPage } from "./RosterPage";

const shift = {
  shift: 9,
  shift_title: "助老送餐",
  shift_start: "2026-11-20T09:00:00+08:00",
  shift_end: "2026-11-20T11:00:00+08:00",
  community: 1,
  community_name: "百花社区",
};
const attendance = (fields: Partial<AttendanceRow>): AttendanceRow => ({
  id: 1,
  ...shift,
  volunteer: 3,
  volunteer_name: "王芳",
  volunteer_number: "ZY03",
  assignment: 30,
  status: "present",
  method: "qr",
  checked_in_at: "2026-11-20T09:05:00+08:00",
  checked_out_at: null,
  minutes_served: 0,
  hours: 0,
  recorded_by: "wangfang",
  note: "",
  updated_at: "2026-11-20T09:05:00+08:00",
  ...fields,
});
const entry = (volunteer: number, name: string, state: RosterEntry["state"], row: AttendanceRow | null) =>
  ({
    volunteer,
    volunteer_name: name,
    volunteer_number: `ZY0${volunteer}`,
    assignment: volunteer * 10,
    expected: true,
    state,
    attendance: row,
  }) satisfies RosterEntry;

const roster: Roster = {
  ...shift,
  entries: [
    entry(3, "王芳", "checked_in", attendance({})),
    entry(4, "李强", "expected", null),
    entry(
      5,
      "赵敏",
      "checked_out",
      attendance({
        id: 2,
        volunteer: 5,
        volunteer_name: "赵敏",
        checked_in_at: "2026-11-20T09:00:00+08:00",
        checked_out_at: "2026-11-20T10:30:00+08:00",
        minutes_served: 90,
        hours: 1.5,
      }),
    ),
  ],
};

let reply: () => Response;
let posted: unknown[] = [];
let fetched = 0;
beforeEach(() => {
  posted = [];
  fetched = 0;
  server.use(
    http.get("/api/attendance/shifts/{shift_id}/roster/", ({ params, response }) => {
      fetched += 1;
      return params.shift_id === "9" ? response(200).json(roster) : response.untyped(jsonReply(404, {}));
    }),
    http.post("/api/attendance/shifts/{shift_id}/record/", async ({ request, response }) => {
      posted.push(await request.json());
      return response.untyped(reply());
    }),
  );
});

const renderRoster = () =>
  renderWithApp(
    <Routes>
      <Route path="/shifts/:shiftId/roster" element={<RosterPage />} />
    </Routes>,
    { path: "/shifts/9/roster" },
  );

const rowOf = async (name: string) => (await screen.findByText(new RegExp(name))).closest("tr")!;

it("lists everyone expected with their state and times", async () => {
  renderRoster();
  expect(await screen.findByRole("heading", { name: "签到名单：助老送餐" })).toBeInTheDocument();
  const wang = await rowOf("王芳");
  expect(wang).toHaveTextContent("已签到未签退");
  expect(wang).toHaveTextContent("2026-11-20 09:05");
  expect(within(wang).getByRole("button", { name: "补签退" })).toBeInTheDocument();
  const li = await rowOf("李强");
  expect(li).toHaveTextContent("未签到");
  expect(within(li).queryByRole("button", { name: "补签退" })).not.toBeInTheDocument();
  const zhao = await rowOf("赵敏");
  expect(zhao).toHaveTextContent("已签退");
  expect(zhao).toHaveTextContent("1.50");
  expect(within(zhao).getByRole("button", { name: "修改时间" })).toBeInTheDocument();
});

it("asks for a reason before marking absent, then sends the absence", async () => {
  renderRoster();
  await userEvent.click(within(await rowOf("李强")).getByRole("button", { name: "缺勤" }));
  const dialog = await screen.findByRole("dialog");
  expect(dialog).toHaveTextContent("登记缺勤：李强");
  await userEvent.click(within(dialog).getByRole("button", { name: "缺勤" }));
  expect(await within(dialog).findByText("请说明手动登记的原因")).toBeInTheDocument();
  expect(posted).toHaveLength(0);

  reply = () =>
    jsonReply(200, attendance({ volunteer: 4, status: "no_show", checked_in_at: null, method: "coordinator" }));
  await userEvent.type(within(dialog).getByLabelText("原因"), " 电话确认未到 ");
  await userEvent.click(within(dialog).getByRole("button", { name: "缺勤" }));
  await vi.waitFor(() => expect(posted).toEqual([{ volunteer: 4, status: "no_show", reason: "电话确认未到" }]));
  await vi.waitFor(() => expect(fetched).toBe(2)); // the roster is read again
});

it("closes a forgotten check-out at the shift's end, keeping the QR check-in, and shows a refusal on its field", async () => {
  renderRoster();
  await userEvent.click(within(await rowOf("王芳")).getByRole("button", { name: "补签退" }));
  const dialog = await screen.findByRole("dialog");
  expect(dialog).toHaveTextContent("保留 2026-11-20 09:05 的签到");
  expect(within(dialog).getByLabelText("签退时间")).toHaveValue("2026-11-20 11:00");
  expect(within(dialog).queryByLabelText("签到时间")).not.toBeInTheDocument();

  reply = () =>
    jsonReply(400, {
      message: "checked_out_at: 签退时间必须晚于签到时间。",
      extra: { code: "refused", fields: { checked_out_at: ["签退时间必须晚于签到时间。"] } },
    });
  await userEvent.type(within(dialog).getByLabelText("原因"), "忘记签退");
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  expect(await within(dialog).findByText("签退时间必须晚于签到时间。")).toBeInTheDocument();
  expect(posted).toEqual([
    { volunteer: 3, status: "present", checked_out_at: "2026-11-20T11:00:00+08:00", reason: "忘记签退" },
  ]);
});
