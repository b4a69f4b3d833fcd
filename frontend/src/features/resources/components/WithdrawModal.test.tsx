// Withdrawing a resource for a day: the client's checks first, then the server's field error (a past day) on the
// field and its refusal (already withdrawn, 409) in an alert.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import dayjs from "dayjs";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { Me } from "@/lib/session";
import { jsonReply, renderWithApp } from "@/test/render";
import { WithdrawModal } from "./WithdrawModal";

const unitRep: Me = {
  id: 4, username: "danwei", display_name: "联络员", role: "unit_representative",
  sub_district: null, community: null, unit: 1, volunteer: null,
};
const tomorrow = dayjs().add(1, "day").format("YYYY-MM-DD");

const fetchMock = vi.fn();
let withdrawReply: () => Response;
beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string) => {
    if (url.startsWith("/api/resources/"))
      return jsonReply(200, { count: 1, next: null, previous: null, results: [{ id: 9, name: "会议室" }] });
    if (url === "/api/unit/resources/9/withdraw/") return withdrawReply();
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

const posts = () => fetchMock.mock.calls.filter(([url]) => String(url).includes("/withdraw/"));

it("asks for the resource, the day and a reason before sending anything", async () => {
  renderWithApp(<WithdrawModal onClose={vi.fn()} onDone={vi.fn()} />, { me: unitRep });
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByRole("button", { name: "撤回" }));
  expect(await within(dialog).findByText("请选择资源")).toBeInTheDocument();
  expect(await within(dialog).findByText("请选择日期")).toBeInTheDocument();
  expect(await within(dialog).findByText("请填写原因")).toBeInTheDocument();
  expect(posts()).toHaveLength(0);
});

it("shows the server's error on the day, and a 409 refusal in an alert", async () => {
  const onDone = vi.fn();
  withdrawReply = () =>
    jsonReply(400, { message: "date: 已经过去的日期不能撤回。", extra: { code: "invalid", fields: { date: ["已经过去的日期不能撤回。"] } } });
  renderWithApp(<WithdrawModal resource={{ id: 9, name: "会议室" }} initialDate={tomorrow} onClose={vi.fn()} onDone={onDone} />, { me: unitRep });
  const dialog = await screen.findByRole("dialog");
  await userEvent.type(within(dialog).getByLabelText("原因"), "单位内部活动");
  await userEvent.click(within(dialog).getByRole("button", { name: "撤回" }));

  expect(await within(dialog).findByText("已经过去的日期不能撤回。")).toBeInTheDocument();
  expect(JSON.parse(posts()[0][1].body)).toEqual({ date: tomorrow, reason: "单位内部活动" });
  expect(onDone).not.toHaveBeenCalled();

  withdrawReply = () => jsonReply(409, { message: "会议室 在该日已经撤回。", extra: { code: "already_withdrawn" } });
  await userEvent.click(within(dialog).getByRole("button", { name: "撤回" }));
  const alert = await within(dialog).findByRole("alert");
  expect(alert).toHaveTextContent("会议室 在该日已经撤回。");
  expect(onDone).not.toHaveBeenCalled();
});
