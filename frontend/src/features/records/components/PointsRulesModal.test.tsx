// 积分规则: the table reads as each kind's rule in force today and those to come; an administrator changes a kind and
// only that kind is sent, from today; a refusal shows in an alert; other coordinators only read it.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import { addDays, districtToday } from "@/lib/format";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { PointsRulesModal } from "./PointsRulesModal";

const TODAY = districtToday();
const rule = (id: number, kind: string, points: number, effective_from: string, yearly_cap: number | null = null) => ({
  id,
  kind,
  points,
  yearly_cap,
  effective_from,
  deduction: kind === "no_show",
});
const rules = [
  rule(1, "shift_hour", 1, "2000-01-01"),
  rule(2, "post_held", 10, "2000-01-01", 20),
  rule(3, "shift_hour", 2, addDays(TODAY, 10)),
];
let putReply: () => Response;
let put: unknown[] = [];
beforeEach(() => {
  put = [];
  server.use(
    http.get("/api/records/points-rules/", ({ response }) => response(200).json(rules as never)),
    http.put("/api/records/points-rules/", async ({ request, response }) => {
      put.push(await request.json());
      return response.untyped(putReply());
    }),
  );
});

it("sends only the kinds an administrator changed, from today, and shows a refusal in an alert", async () => {
  // given the table, and a server that refuses the first time
  const onSaved = vi.fn();
  putReply = () =>
    jsonReply(400, { message: "积分规则只能从今天或以后生效。", extra: { code: "invalid", fields: {} } });
  renderWithApp(<PointsRulesModal editable onClose={vi.fn()} onSaved={onSaved} />);
  const dialog = await screen.findByRole("dialog");
  const points = await within(dialog).findByLabelText("每年每个在岗岗位 分值");
  await vi.waitFor(() => expect(points).toHaveValue("10"));
  // the hour's coming change is shown beside the rule in force
  expect(within(dialog).getByText(`${addDays(TODAY, 10)} 起 2 分`)).toBeInTheDocument();

  // when the post's points change and the rules are saved
  await userEvent.clear(points);
  await userEvent.type(points, "15");
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));

  // then that kind alone is sent with its cap kept, from today; the refusal is shown
  const alert = await within(dialog).findByRole("alert");
  expect(alert).toHaveTextContent("积分规则只能从今天或以后生效。");
  expect(put).toEqual([{ rules: [{ kind: "post_held", points: 15, yearly_cap: 20, effective_from: TODAY }] }]);
  expect(onSaved).not.toHaveBeenCalled();

  // when a no-show deduction is added too and the server takes it
  await userEvent.type(within(dialog).getByLabelText("每次缺勤（扣分） 分值"), "3");
  putReply = () => jsonReply(200, rules);
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
  expect(put[1]).toEqual({
    rules: [
      { kind: "post_held", points: 15, yearly_cap: 20, effective_from: TODAY },
      { kind: "no_show", points: 3, yearly_cap: null, effective_from: TODAY },
    ],
  });
});

it("shows other coordinators the table without inputs", async () => {
  renderWithApp(<PointsRulesModal editable={false} onClose={vi.fn()} onSaved={vi.fn()} />);
  const table = await screen.findByTestId("points-rules");
  const row = (await within(table).findByText("每服务满 1 小时")).closest("tr")!;
  expect(within(row).getByText("1")).toBeInTheDocument();
  expect(within(row).getByText("不限")).toBeInTheDocument();
  const noShow = within(table).getByText("每次缺勤（扣分）").closest("tr")!;
  expect(within(noShow).getByText("未设置")).toBeInTheDocument();
  expect(within(table).queryAllByRole("spinbutton")).toHaveLength(0);
  expect(screen.queryByRole("button", { name: "保存" })).toBeNull();
});
