// A ledger entry: the client asks for the kind and a title first; then the server's field error lands on its
// field, and a refusal that names no field (not in scope) shows in an alert.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { LedgerEntryForm } from "./LedgerEntryForm";

let reply: () => Response;
let posted: unknown[] = [];
beforeEach(() => {
  posted = [];
  server.use(
    http.post("/api/ledgers/{ledger_id}/entries/", async ({ params, request, response }) => {
      posted.push({ ledger: params.ledger_id, body: await request.json() });
      return response.untyped(reply());
    }),
  );
});

it("asks for the kind and a title before sending anything", async () => {
  renderWithApp(<LedgerEntryForm ledgerId={9} />);
  await userEvent.click(screen.getByRole("button", { name: "添加" }));
  expect(await screen.findByText("请选择类型")).toBeInTheDocument();
  expect(await screen.findByText("请填写标题")).toBeInTheDocument();
  expect(posted).toHaveLength(0);
});

it("posts the entry and shows the server's errors", async () => {
  const onDone = vi.fn();
  reply = () =>
    jsonReply(400, {
      message: "title: 标题含有不允许的字符。",
      extra: { code: "invalid", fields: { title: ["标题含有不允许的字符。"] } },
    });
  renderWithApp(<LedgerEntryForm ledgerId={9} onDone={onDone} />);
  const form = screen.getByTestId("ledger-entry-form");
  await userEvent.click(within(form).getByLabelText("类型"));
  await userEvent.click(await screen.findByTitle("参加会议"));
  await userEvent.type(within(form).getByLabelText("标题"), " 共建联席会 ");
  await userEvent.type(within(form).getByLabelText("说明"), "派两人参加");
  await userEvent.click(within(form).getByRole("button", { name: "添加" }));

  expect(await within(form).findByText("标题含有不允许的字符。")).toBeInTheDocument();
  expect(posted[0]).toEqual({
    ledger: "9",
    body: { kind: "meeting", title: "共建联席会", note: "派两人参加", date: null },
  });
  expect(within(form).queryByRole("alert")).toBeNull();

  reply = () => jsonReply(404, { message: "未找到。", extra: { code: "not_found" } });
  await userEvent.click(within(form).getByRole("button", { name: "添加" }));
  expect(await within(form).findByRole("alert")).toHaveTextContent("未找到。");
  expect(onDone).not.toHaveBeenCalled();
});
