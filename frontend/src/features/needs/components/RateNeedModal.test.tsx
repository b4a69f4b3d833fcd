// 评单: the client asks for a score first; then the server's field error lands on its field, and a 409 refusal
// (rated already / not completed) shows in an alert; a good rating posts {score, comment}.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { RateNeedModal } from "./RateNeedModal";

let ratingReply: () => Response;
let posted: unknown[] = [];
beforeEach(() => {
  posted = [];
  server.use(
    http.post("/api/needs/{id}/rating/", async ({ params, request, response }) => {
      posted.push({ need: params.id, body: await request.json() });
      return response.untyped(ratingReply());
    }),
  );
});

const posts = () => posted;
const need = { id: 7, title: "助老送餐" };

it("asks for a score of 1 to 5 before sending anything", async () => {
  renderWithApp(<RateNeedModal need={need} onClose={vi.fn()} onDone={vi.fn()} />);
  const dialog = await screen.findByRole("dialog");
  expect(dialog).toHaveTextContent("评单：助老送餐");
  await userEvent.click(within(dialog).getByRole("button", { name: "提交评价" }));
  expect(await within(dialog).findByText("请选择 1 到 5 分")).toBeInTheDocument();
  expect(posts()).toHaveLength(0);
});

it("shows the server's field error on its field, and a 409 refusal in an alert", async () => {
  const onDone = vi.fn();
  ratingReply = () =>
    jsonReply(400, {
      message: "comment: 评价内容含有不允许的字符。",
      extra: { code: "invalid", fields: { comment: ["评价内容含有不允许的字符。"] } },
    });
  renderWithApp(<RateNeedModal need={need} onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  const stars = within(dialog).getAllByRole("radio");
  await userEvent.click(stars[3]); // four stars
  await userEvent.type(within(dialog).getByLabelText("评价内容"), "  很及时  ");
  await userEvent.click(within(dialog).getByRole("button", { name: "提交评价" }));

  expect(await within(dialog).findByText("评价内容含有不允许的字符。")).toBeInTheDocument();
  expect(posts()[0]).toEqual({ need: "7", body: { score: 4, comment: "很及时" } });
  expect(within(dialog).queryByRole("alert")).toBeNull();
  expect(onDone).not.toHaveBeenCalled();

  ratingReply = () => jsonReply(409, { message: "该需求已经评价过了。", extra: { code: "conflict" } });
  await userEvent.click(within(dialog).getByRole("button", { name: "提交评价" }));
  const alert = await within(dialog).findByRole("alert");
  expect(alert).toHaveTextContent("无法评单");
  expect(alert).toHaveTextContent("该需求已经评价过了。");
  expect(onDone).not.toHaveBeenCalled();
});

it("hands back the rating when the server takes it", async () => {
  const onDone = vi.fn();
  ratingReply = () =>
    jsonReply(201, {
      need: 7,
      status: "rated",
      score: 5,
      comment: "",
      entered_by: "shequ",
      rated_at: "2026-11-25T10:00:00+08:00",
    });
  renderWithApp(<RateNeedModal need={need} onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getAllByRole("radio")[4]);
  await userEvent.click(within(dialog).getByRole("button", { name: "提交评价" }));
  await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ score: 5, status: "rated" })));
  expect(posts()[0]).toEqual({ need: "7", body: { score: 5, comment: "" } });
});
