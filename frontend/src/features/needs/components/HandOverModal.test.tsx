// 移交: the client asks for a colleague (only those the server offers) and a reason first; the server's field error
// lands on its field, a refusal (not the owner: 403; finished: 409) shows in an alert; a good hand-over posts once.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import { need as aNeed } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { HandOverModal } from "./HandOverModal";

let handOverReply: () => Response;
let posted: unknown[] = [];
beforeEach(() => {
  posted = [];
  server.use(
    http.get("/api/needs/{id}/owner-candidates/", ({ response }) =>
      response(200).json([
        { id: 5, name: "李四", role: "community_coordinator" },
        { id: 6, name: "林山寨街道协调员", role: "subdistrict_coordinator" },
      ]),
    ),
    http.post("/api/needs/{id}/hand-over/", async ({ params, request, response }) => {
      posted.push({ need: params.id, body: await request.json() });
      return response.untyped(handOverReply());
    }),
  );
});

const need = { id: 7, title: "助老送餐" };

async function choose(dialog: HTMLElement, name: RegExp) {
  await userEvent.click(within(dialog).getByLabelText("移交给"));
  await userEvent.click(await screen.findByText(name));
}

it("asks for a colleague and a reason before sending anything, and offers the server's colleagues", async () => {
  renderWithApp(<HandOverModal need={need} onClose={vi.fn()} onDone={vi.fn()} />);
  const dialog = await screen.findByRole("dialog");
  expect(dialog).toHaveTextContent("移交需求：助老送餐");
  await userEvent.click(within(dialog).getByRole("button", { name: "移交" }));
  expect(await within(dialog).findByText("请选择接手的同事")).toBeInTheDocument();
  expect(await within(dialog).findByText("请填写移交原因")).toBeInTheDocument();

  await userEvent.click(within(dialog).getByLabelText("移交给"));
  expect(await screen.findByText("李四 · 社区协调员")).toBeInTheDocument();
  expect(screen.getByText("林山寨街道协调员 · 街道协调员")).toBeInTheDocument();
  expect(posted).toHaveLength(0);
});

it("shows the server's field error on its field, and a refusal in an alert", async () => {
  const onDone = vi.fn();
  handOverReply = () =>
    jsonReply(400, {
      message: "请选择管辖范围包含秦江社区的在岗协调员。",
      extra: { code: "not_a_colleague", fields: { to_user: ["请选择管辖范围包含秦江社区的在岗协调员。"] } },
    });
  renderWithApp(<HandOverModal need={need} onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  await choose(dialog, /李四/);
  await userEvent.type(within(dialog).getByLabelText("移交原因"), "  休假两周  ");
  await userEvent.click(within(dialog).getByRole("button", { name: "移交" }));

  expect(await within(dialog).findByText("请选择管辖范围包含秦江社区的在岗协调员。")).toBeInTheDocument();
  expect(posted[0]).toEqual({ need: "7", body: { to_user: 5, reason: "休假两周" } });
  expect(within(dialog).queryByRole("alert")).toBeNull();

  handOverReply = () =>
    jsonReply(403, {
      message: "只有需求的首问责任人或其上级协调员可以移交该需求。",
      extra: { code: "not_owner", fields: {} },
    });
  await userEvent.click(within(dialog).getByRole("button", { name: "移交" }));
  const alert = await within(dialog).findByRole("alert");
  expect(alert).toHaveTextContent("无法移交");
  expect(alert).toHaveTextContent("只有需求的首问责任人或其上级协调员可以移交该需求。");
  expect(onDone).not.toHaveBeenCalled();
});

it("hands back the need with its new owner when the server takes it", async () => {
  const onDone = vi.fn();
  handOverReply = () => jsonReply(200, aNeed({ id: 7, title: "助老送餐", owner: 6, owner_name: "林山寨街道协调员" }));
  renderWithApp(<HandOverModal need={need} onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  await choose(dialog, /林山寨街道协调员/);
  await userEvent.type(within(dialog).getByLabelText("移交原因"), "转街道统筹");
  await userEvent.click(within(dialog).getByRole("button", { name: "移交" }));
  await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ owner: 6 })));
  expect(posted).toEqual([{ need: "7", body: { to_user: 6, reason: "转街道统筹" } }]);
});
