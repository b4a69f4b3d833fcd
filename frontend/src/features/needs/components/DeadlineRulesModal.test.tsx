// 限时办结: the deadline table reads as days by category and urgency; an administrator changes a cell and only the rows
// changed are sent; a refusal shows in an alert; other coordinators only read it.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { DeadlineRulesModal } from "./DeadlineRulesModal";

const rules = [
  { category: "elderly" as const, urgency: 3, days: 7 },
  { category: "elderly" as const, urgency: 5, days: 1 },
  { category: "safety" as const, urgency: 3, days: 3 },
];
let putReply: () => Response;
let put: unknown[] = [];
beforeEach(() => {
  put = [];
  server.use(
    http.get("/api/needs/deadline-rules/", ({ response }) => response(200).json(rules)),
    http.put("/api/needs/deadline-rules/", async ({ request, response }) => {
      put.push(await request.json());
      return response.untyped(putReply());
    }),
  );
});

it("sends only the rows an administrator changed, and shows a refusal in an alert", async () => {
  // given the table, and a server that refuses the first time
  const onSaved = vi.fn();
  putReply = () =>
    jsonReply(403, { message: "只有区管理员可以修改办结时限规则。", extra: { code: "permission_denied", fields: {} } });
  renderWithApp(<DeadlineRulesModal editable onClose={vi.fn()} onSaved={onSaved} />);
  const dialog = await screen.findByRole("dialog");
  const cell = await within(dialog).findByLabelText("为老服务 紧急度 3");
  await vi.waitFor(() => expect(cell).toHaveValue("7"));

  // when one cell is changed and saved
  await userEvent.clear(cell);
  await userEvent.type(cell, "5");
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));

  // then that row alone is sent, and the refusal is shown
  const alert = await within(dialog).findByRole("alert");
  expect(alert).toHaveTextContent("只有区管理员可以修改办结时限规则。");
  expect(put).toEqual([{ rules: [{ category: "elderly", urgency: 3, days: 5 }] }]);
  expect(onSaved).not.toHaveBeenCalled();

  // when the server takes it
  putReply = () => jsonReply(200, [{ category: "elderly", urgency: 3, days: 5 }]);
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
});

it("shows other coordinators the table without inputs", async () => {
  renderWithApp(<DeadlineRulesModal editable={false} onClose={vi.fn()} onSaved={vi.fn()} />);
  const table = await screen.findByTestId("deadline-rules");
  const row = (await within(table).findByText("平安")).closest("tr")!;
  expect(await within(row).findByText("3")).toBeInTheDocument();
  expect(within(table).queryAllByRole("spinbutton")).toHaveLength(0);
  expect(screen.queryByRole("button", { name: "保存" })).toBeNull();
});
