// Withdrawing a resource for a day: the client's checks first, then the server's field error (a past day) on the
// field and its refusal (already withdrawn, 409) in an alert.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import dayjs from "dayjs";
import { beforeEach, expect, it, vi } from "vitest";
import { page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { resource, unitRep } from "./testData";
import { WithdrawModal } from "./WithdrawModal";

const tomorrow = dayjs().add(1, "day").format("YYYY-MM-DD");

let withdrawReply: () => Response;
let posted: { resource: string; body: unknown }[];
beforeEach(() => {
  posted = [];
  server.use(
    http.get("/api/resources/", ({ response }) => response(200).json(page([resource({ id: 9, name: "会议室" })]))),
    http.post("/api/unit/resources/{resource_id}/withdraw/", async ({ params, request, response }) => {
      posted.push({ resource: params.resource_id, body: await request.json() });
      return response.untyped(withdrawReply());
    }),
  );
});

const posts = () => posted;

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
    jsonReply(400, {
      message: "date: 已经过去的日期不能撤回。",
      extra: { code: "invalid", fields: { date: ["已经过去的日期不能撤回。"] } },
    });
  renderWithApp(
    <WithdrawModal resource={{ id: 9, name: "会议室" }} initialDate={tomorrow} onClose={vi.fn()} onDone={onDone} />,
    { me: unitRep },
  );
  const dialog = await screen.findByRole("dialog");
  await userEvent.type(within(dialog).getByLabelText("原因"), "单位内部活动");
  await userEvent.click(within(dialog).getByRole("button", { name: "撤回" }));

  expect(await within(dialog).findByText("已经过去的日期不能撤回。")).toBeInTheDocument();
  expect(posts()).toEqual([{ resource: "9", body: { date: tomorrow, reason: "单位内部活动" } }]);
  expect(onDone).not.toHaveBeenCalled();

  withdrawReply = () => jsonReply(409, { message: "会议室 在该日已经撤回。", extra: { code: "already_withdrawn" } });
  await userEvent.click(within(dialog).getByRole("button", { name: "撤回" }));
  const alert = await within(dialog).findByRole("alert");
  expect(alert).toHaveTextContent("会议室 在该日已经撤回。");
  expect(onDone).not.toHaveBeenCalled();
});
