// 记录接单: the dialog asks for a kind and a taker of that kind (searched by name on the server's lists) before it sends
// anything; the server's field error lands on the taker's field, a refusal (409) shows in an alert; a good record
// posts the one taker once and hands back the need.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import type { Schema } from "@/lib/api";
import { need as aNeed, page, volunteer } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { TakeNeedModal } from "./TakeNeedModal";

let takeReply: () => Response;
let posted: unknown[] = [];
let searched: (string | null)[] = [];
beforeEach(() => {
  posted = [];
  searched = [];
  const volunteers = [volunteer({ id: 21, name: "王芳" }), volunteer({ id: 22, name: "李强", number: "V0022" })];
  server.use(
    http.get("/api/volunteers/", ({ request, response }) => {
      const search = new URL(request.url).searchParams.get("search");
      searched.push(search);
      return response(200).json(page(volunteers.filter((v) => !search || v.name.includes(search))));
    }),
    http.get("/api/teams/", ({ response }) =>
      response(200).json(page([{ id: 4, name: "秦江社区助老服务队" }] as Schema<"Team">[])),
    ),
    http.get("/api/units/", ({ response }) =>
      response(200).json(page([{ id: 8, name: "中原区人民医院" }] as Schema<"Unit">[])),
    ),
    http.post("/api/needs/{id}/take/", async ({ params, request, response }) => {
      posted.push({ need: params.id, body: await request.json() });
      return response.untyped(takeReply());
    }),
  );
});

const need = { id: 7, title: "助老送餐" };

async function choose(dialog: HTMLElement, field: string, option: RegExp) {
  await userEvent.click(within(dialog).getByLabelText(field));
  await userEvent.click(await screen.findByText(option));
}

it("asks for a taker before sending anything, and searches the chosen kind's list by name", async () => {
  renderWithApp(<TakeNeedModal need={need} onClose={vi.fn()} onDone={vi.fn()} />);
  const dialog = await screen.findByRole("dialog");
  expect(dialog).toHaveTextContent("记录接单：助老送餐");
  await userEvent.click(within(dialog).getByRole("button", { name: "记录" }));
  expect(await within(dialog).findByText("请选择接单方")).toBeInTheDocument();

  // a volunteer, found by name
  await userEvent.type(within(dialog).getByLabelText("接单方"), "李");
  expect(await screen.findByText("李强（V0022）· 百花社区")).toBeInTheDocument();
  await vi.waitFor(() => expect(searched).toContain("李"));
  expect(screen.queryByText(/王芳/)).toBeNull();

  // another kind lists its own
  await userEvent.click(within(dialog).getByText("队伍"));
  await userEvent.click(within(dialog).getByLabelText("接单方"));
  expect(await screen.findByText("秦江社区助老服务队")).toBeInTheDocument();
  expect(posted).toHaveLength(0);
});

it("shows the server's field error on the taker's field, and a refusal in an alert", async () => {
  const onDone = vi.fn();
  takeReply = () =>
    jsonReply(400, {
      message: "无效的主键 “4” - 对象不存在。",
      extra: { code: "invalid", fields: { team: ["无效的主键 “4” - 对象不存在。"] } },
    });
  renderWithApp(<TakeNeedModal need={need} onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByText("队伍"));
  await choose(dialog, "接单方", /秦江社区助老服务队/);
  await userEvent.click(within(dialog).getByRole("button", { name: "记录" }));

  expect(await within(dialog).findByText("无效的主键 “4” - 对象不存在。")).toBeInTheDocument();
  expect(posted[0]).toEqual({ need: "7", body: { team: 4 } });
  expect(within(dialog).queryByRole("alert")).toBeNull();

  takeReply = () => jsonReply(409, { message: "该需求已被接单。", extra: { code: "already_taken", fields: {} } });
  await userEvent.click(within(dialog).getByRole("button", { name: "记录" }));
  const alert = await within(dialog).findByRole("alert");
  expect(alert).toHaveTextContent("无法记录接单");
  expect(alert).toHaveTextContent("该需求已被接单。");
  expect(onDone).not.toHaveBeenCalled();
});

it("posts the one taker and hands back the need with it", async () => {
  const onDone = vi.fn();
  const taken = aNeed({
    id: 7,
    title: "助老送餐",
    status: "claimed",
    taker: { kind: "unit", id: 8, name: "中原区人民医院" },
  });
  takeReply = () => jsonReply(200, taken);
  renderWithApp(<TakeNeedModal need={need} onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByText("单位"));
  await choose(dialog, "接单方", /中原区人民医院/);
  await userEvent.click(within(dialog).getByRole("button", { name: "记录" }));
  await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ taker: taken.taker })));
  expect(posted).toEqual([{ need: "7", body: { unit: 8 } }]);
});
