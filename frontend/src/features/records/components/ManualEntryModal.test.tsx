// 补录: the client asks for the title, date, minutes (1 to 1440) and evidence first; then the server's field error
// lands on its field, and what names no field shows in an alert; a good entry posts the API's fields.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import dayjs from "dayjs";
import { beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { ManualEntryModal } from "./ManualEntryModal";

let reply: () => Response;
let posted: unknown[] = [];
beforeEach(() => {
  posted = [];
  server.use(
    http.post("/api/records/", async ({ request, response }) => {
      posted.push(await request.json());
      return response.untyped(reply());
    }),
  );
});

const posts = () => posted;

it("checks the required fields and the minutes before sending anything", async () => {
  renderWithApp(<ManualEntryModal onClose={vi.fn()} onDone={vi.fn()} />);
  const dialog = await screen.findByRole("dialog");
  await userEvent.type(within(dialog).getByLabelText("服务时长（分钟）"), "2000");
  await userEvent.click(within(dialog).getByRole("button", { name: "提交补录" }));
  expect(await within(dialog).findByText("请填写服务内容名称")).toBeInTheDocument();
  expect(await within(dialog).findByText("请选择服务日期")).toBeInTheDocument();
  expect(await within(dialog).findByText("服务时长在 1 到 1440 分钟之间")).toBeInTheDocument();
  expect(await within(dialog).findByText("请提供佐证材料")).toBeInTheDocument();
  expect(posts()).toHaveLength(0);
});

it("posts the entry, shows the server's field error on its field and the rest in an alert", async () => {
  const onDone = vi.fn();
  const day = dayjs().subtract(3, "day").format("YYYY-MM-DD");
  reply = () =>
    jsonReply(400, {
      message: "evidence: 佐证材料不能只写“有”。",
      extra: { code: "invalid", fields: { evidence: ["佐证材料不能只写“有”。"] } },
    });
  renderWithApp(<ManualEntryModal onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  await userEvent.type(within(dialog).getByLabelText("服务内容名称"), " 助老送餐 ");
  await userEvent.type(within(dialog).getByLabelText("服务日期"), `${day}{enter}`);
  await userEvent.type(within(dialog).getByLabelText("服务时长（分钟）"), "90");
  await userEvent.type(within(dialog).getByLabelText("佐证材料"), "有");
  await userEvent.click(within(dialog).getByRole("button", { name: "提交补录" }));

  expect(await within(dialog).findByText("佐证材料不能只写“有”。")).toBeInTheDocument();
  expect(posts()[0]).toEqual({
    title: "助老送餐",
    date: day,
    minutes: 90,
    evidence: "有",
    place: "",
    recipient: "",
    content: "",
    person_in_charge: "",
    rating: null,
  });
  expect(within(dialog).queryByRole("alert")).toBeNull();
  expect(onDone).not.toHaveBeenCalled();

  reply = () =>
    jsonReply(400, {
      message: "该志愿者不在您的范围内。",
      extra: { code: "invalid", fields: { volunteer: ["该志愿者不在您的范围内。"] } },
    });
  await userEvent.click(within(dialog).getByRole("button", { name: "提交补录" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent("该志愿者不在您的范围内。");
  expect(onDone).not.toHaveBeenCalled();
});
