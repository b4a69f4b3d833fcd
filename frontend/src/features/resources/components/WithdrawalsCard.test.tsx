// The upcoming withdrawals come from the server: 取消撤回 only where it can still be taken back, a tag where the
// bookings already went to other resources; the list is fetched again after a withdrawal and after a take-back
// (also a refused one, whose server message is shown).
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import dayjs from "dayjs";
import { beforeEach, expect, it, vi } from "vitest";
import { page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { Withdrawal } from "../api/lending";
import { resource, unitRep, withdrawal as row } from "./testData";
import { WithdrawalsCard } from "./WithdrawalsCard";
import { WithdrawModal } from "./WithdrawModal";

const tomorrow = dayjs().add(1, "day").format("YYYY-MM-DD");
const later = dayjs().add(5, "day").format("YYYY-MM-DD");

function withdrawal(
  id: number,
  resource: number,
  resource_name: string,
  date: string,
  can_take_back: boolean,
): Withdrawal {
  return row({
    id,
    resource,
    resource_name,
    date,
    can_take_back,
    backfilled_at: can_take_back ? null : "2026-01-01T08:01:00+08:00",
  });
}

let listed: Withdrawal[];
let deleteReply: () => Response;
let listCalls: string[];
let deletes: string[];
beforeEach(() => {
  listCalls = [];
  deletes = [];
  server.use(
    http.get("/api/unit/withdrawals/", ({ request, response }) => {
      const url = new URL(request.url);
      listCalls.push(`${url.pathname}${url.search}`);
      return response(200).json(page(listed));
    }),
    http.get("/api/resources/", ({ response }) => response(200).json(page([resource({ id: 9, name: "会议室" })]))),
    http.post("/api/unit/resources/{resource_id}/withdraw/", async ({ params, request, response }) => {
      const body = await request.json();
      const made = withdrawal(3, Number(params.resource_id), "会议室", body.date, true);
      listed = [made, ...listed];
      return response(201).json(made);
    }),
    http.delete("/api/unit/resources/{resource_id}/withdrawals/{date}/", ({ request, response }) => {
      deletes.push(new URL(request.url).pathname);
      return response.untyped(deleteReply());
    }),
  );
});

const items = () => screen.getAllByTestId("withdrawal");

it("offers 取消撤回 only where the server says it can be taken back, and lists again after it", async () => {
  listed = [withdrawal(1, 9, "会议室", tomorrow, true), withdrawal(2, 7, "报告厅", later, false)];
  deleteReply = () => {
    listed = listed.filter((w) => w.id !== 1);
    return new Response(null, { status: 204 });
  };
  renderWithApp(<WithdrawalsCard />, { me: unitRep });

  const card = await screen.findByTestId("withdrawals");
  expect(within(card).getByText("撤回记录")).toBeInTheDocument();
  await waitFor(() => expect(items()).toHaveLength(2));
  const [open, moved] = items();
  expect(open).toHaveTextContent(`会议室 · ${tomorrow}`);
  expect(within(moved).getByText("已转给其他资源")).toBeInTheDocument();
  expect(within(moved).queryByRole("button", { name: "取消撤回" })).toBeNull();
  expect(listCalls[0]).toBe("/api/unit/withdrawals/?page=1&page_size=10");

  await userEvent.click(within(open).getByRole("button", { name: "取消撤回" }));
  expect(await screen.findByText("已取消撤回")).toBeInTheDocument();
  expect(deletes).toEqual([`/api/unit/resources/9/withdrawals/${tomorrow}/`]);
  await waitFor(() => expect(items()).toHaveLength(1));
  expect(items()[0]).toHaveTextContent(`报告厅 · ${later}`);
  expect(listCalls).toHaveLength(2);
});

it("shows the server's refusal of a take-back and lists again", async () => {
  listed = [withdrawal(1, 9, "会议室", tomorrow, true)];
  deleteReply = () => {
    listed = [withdrawal(1, 9, "会议室", tomorrow, false)];
    return jsonReply(409, { message: "预订已改给其他资源，不能取消撤回。", extra: { code: "already_backfilled" } });
  };
  renderWithApp(<WithdrawalsCard />, { me: unitRep });
  await waitFor(() => expect(items()).toHaveLength(1));

  await userEvent.click(within(items()[0]).getByRole("button", { name: "取消撤回" }));
  expect(await screen.findByText("预订已改给其他资源，不能取消撤回。")).toBeInTheDocument();
  expect(screen.getAllByText("无法取消撤回").length).toBeGreaterThan(0);
  await waitFor(() => expect(within(items()[0]).getByText("已转给其他资源")).toBeInTheDocument());
  expect(within(items()[0]).queryByRole("button", { name: "取消撤回" })).toBeNull();
});

it("lists a new withdrawal once the server has it", async () => {
  listed = [];
  const onDone = vi.fn();
  renderWithApp(
    <>
      <WithdrawalsCard />
      <WithdrawModal resource={{ id: 9, name: "会议室" }} initialDate={tomorrow} onClose={vi.fn()} onDone={onDone} />
    </>,
    { me: unitRep },
  );
  const card = await screen.findByTestId("withdrawals");
  expect(await within(card).findByText(/今天起没有撤回/)).toBeInTheDocument();

  const dialog = await screen.findByRole("dialog");
  await userEvent.type(within(dialog).getByLabelText("原因"), "单位内部活动");
  await userEvent.click(within(dialog).getByRole("button", { name: "撤回" }));
  await waitFor(() => expect(onDone).toHaveBeenCalled());
  await waitFor(() => expect(items()).toHaveLength(1));
  expect(items()[0]).toHaveTextContent(`会议室 · ${tomorrow}`);
  expect(listCalls).toHaveLength(2);
});

it("can stay out of the way when there is nothing to list", async () => {
  listed = [];
  renderWithApp(<WithdrawalsCard hideWhenEmpty />, { me: unitRep });
  await waitFor(() => expect(listCalls).toHaveLength(1));
  await waitFor(() => expect(screen.queryByTestId("withdrawals")).toBeNull());
});
