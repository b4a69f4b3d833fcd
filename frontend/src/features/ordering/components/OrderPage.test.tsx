// The public order page: the community's form with the server's choices, the SMS code asked for (a 429 counted
// down), a wrong code shown on its field, and the tracking number shown big once the order is filed; its service
// menu, an offer booked from it (点此预约: what is ordered filled in from the offer and the order bound to it), and an
// offer the server refuses sending the resident back to the menu, read again.
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import type { Schema } from "@/lib/api";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { OrderPage } from "./OrderPage";

const form: Schema<"OrderForm"> = {
  community: 7,
  community_name: "秦江社区",
  sub_district_name: "林山寨街道",
  categories: [
    { value: "elderly", label: "为老服务" },
    { value: "other", label: "其他" },
  ],
  types: [
    { value: "service", label: "服务" },
    { value: "object", label: "物品" },
  ],
};

const haircut: Schema<"OrderMenuOffer"> = {
  id: 3,
  title: "上门理发",
  description: "为行动不便的老人上门理发",
  category: "elderly",
  type: "service",
  conditions: "独居或行动不便的老人，提前三天预约",
  schedule: "每月第一个周六上午",
  provider_kind: "team",
  provider_name: "秦江社区理发志愿队",
  full: false,
};
const checkup: Schema<"OrderMenuOffer"> = {
  ...haircut,
  id: 4,
  title: "健康义诊",
  description: "",
  category: "other",
  conditions: "",
  schedule: "",
  provider_kind: "unit",
  provider_name: "中原区人民医院",
  full: true,
};

let calls: { path: string; body: unknown }[];
let menu: Schema<"OrderMenuOffer">[];
let codeReply: () => Response;
let orderReply: () => Response;
beforeEach(() => {
  calls = [];
  menu = [];
  codeReply = () => new Response(null, { status: 202 });
  orderReply = () => jsonReply(201, { tracking_no: "K7M2QX9PZA", status: "pending" });
  server.use(
    http.get("/api/public/communities/{id}/order-form/", ({ params, response }) =>
      params.id === "7"
        ? response(200).json(form)
        : response.untyped(jsonReply(404, { message: "未找到。", extra: { code: "not_found", fields: {} } })),
    ),
    http.get("/api/public/communities/{id}/order-form/menu/", ({ response }) => {
      calls.push({ path: "menu", body: null });
      return response(200).json(menu);
    }),
    http.post("/api/public/communities/{id}/order-form/request-code/", async ({ request, response }) => {
      calls.push({ path: "code", body: await request.json() });
      return response.untyped(codeReply());
    }),
    http.post("/api/public/communities/{id}/order-form/orders/", async ({ request, response }) => {
      calls.push({ path: "order", body: await request.json() });
      return response.untyped(orderReply());
    }),
  );
});

async function pick(label: string, option: string) {
  await userEvent.click(screen.getByLabelText(label));
  await userEvent.click(await screen.findByTitle(option));
}

it("files an order confirmed by the SMS code and shows its tracking number big", async () => {
  renderWithApp(<OrderPage community={7} />);
  expect(await screen.findByText(/向 秦江社区（林山寨街道）提出您的需求/)).toBeInTheDocument();
  expect(screen.getByRole("heading", { name: "居民点单 · 秦江社区" })).toBeInTheDocument();

  // nothing goes out before the form is filled
  await userEvent.click(screen.getByRole("button", { name: "提交需求" }));
  expect(await screen.findByText("请简要写明需求")).toBeInTheDocument();
  expect(screen.getByText("请输入 6 位数字验证码")).toBeInTheDocument();
  expect(calls).toEqual([{ path: "menu", body: null }]);
  // an empty menu shows nothing
  expect(screen.queryByRole("region", { name: "服务菜单" })).toBeNull();

  await pick("需求类别", "为老服务");
  await pick("需求类型", "服务");
  await userEvent.type(screen.getByLabelText("需要什么帮助"), "帮忙更换厨房灯泡");
  await userEvent.type(screen.getByLabelText("服务地址（楼栋、单元、门牌）"), "3号楼2单元501");
  // the phone's own picker: a wall time of the district
  fireEvent.change(screen.getByLabelText("希望什么时候开始（可不填）"), { target: { value: "2026-12-09T09:30" } });
  await userEvent.type(screen.getByLabelText("手机号"), "13655551234");
  await userEvent.click(screen.getByRole("button", { name: "获取验证码" }));
  expect(await screen.findByText("验证码已通过短信发送，请查收。")).toBeInTheDocument();

  // a wrong code lands on its field
  orderReply = () =>
    jsonReply(400, {
      message: "验证码错误或已过期，请重新获取。",
      extra: { code: "wrong_code", fields: { code: ["验证码错误或已过期。"] } },
    });
  await userEvent.type(screen.getByLabelText("短信验证码"), "123456");
  await userEvent.click(screen.getByRole("button", { name: "提交需求" }));
  expect(await screen.findByText("验证码错误或已过期。")).toBeInTheDocument();

  orderReply = () => jsonReply(201, { tracking_no: "K7M2QX9PZA", status: "pending" });
  await userEvent.click(screen.getByRole("button", { name: "提交需求" }));
  expect(await screen.findByTestId("tracking-no")).toHaveTextContent("K7M2QX9PZA");
  expect(screen.getByText("提交成功，社区审核后将为您安排服务。")).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "查看进度" })).toHaveAttribute("href", "/track?tracking_no=K7M2QX9PZA");
  expect(calls.filter((call) => call.path !== "menu")[0]).toEqual({ path: "code", body: { phone: "13655551234" } });
  expect(calls.at(-1)).toEqual({
    path: "order",
    body: {
      category: "elderly",
      type: "service",
      title: "帮忙更换厨房灯泡",
      description: "",
      address: "3号楼2单元501",
      requester_name: "",
      phone: "13655551234",
      code: "123456",
      wanted_start: "2026-12-09T09:30:00+08:00",
      wanted_end: null,
    },
  });
});

it("counts down the wait the server asks for when too many codes were asked", async () => {
  codeReply = () =>
    new Response(JSON.stringify({ message: "获取验证码过于频繁。", extra: { code: "too_many_codes", fields: {} } }), {
      status: 429,
      headers: { "Content-Type": "application/json", "Retry-After": "42" },
    });
  renderWithApp(<OrderPage community={7} />);
  await userEvent.type(await screen.findByLabelText("手机号"), "13655551234");
  await userEvent.click(screen.getByRole("button", { name: "获取验证码" }));
  expect(await screen.findByText("操作过于频繁，请等待 42 秒后再试。")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: /秒后可重新获取/ })).toBeDisabled();
});

it("says so when the community has no order page", async () => {
  renderWithApp(<OrderPage community={99} />);
  expect(await screen.findByText("找不到这个社区的点单页面，请核对二维码或链接。")).toBeInTheDocument();
});

async function confirmPhone() {
  await userEvent.type(screen.getByLabelText("手机号"), "13655551234");
  await userEvent.click(screen.getByRole("button", { name: "获取验证码" }));
  await userEvent.type(screen.getByLabelText("短信验证码"), "123456");
}

it("books a service from the menu: what is ordered comes from the offer, and the order names it", async () => {
  menu = [haircut, checkup];
  renderWithApp(<OrderPage community={7} />);
  // the menu shows each offer with its provider, time and terms; a full one cannot be booked
  const listed = await screen.findByRole("region", { name: "服务菜单" });
  const cut = within(listed).getByTestId("menu-offer-3");
  expect(within(cut).getByText("志愿服务队：秦江社区理发志愿队")).toBeInTheDocument();
  expect(within(cut).getByText("服务时间：每月第一个周六上午")).toBeInTheDocument();
  expect(within(cut).getByText("服务条件：独居或行动不便的老人，提前三天预约")).toBeInTheDocument();
  expect(within(cut).getByText("为老服务")).toBeInTheDocument();
  const full = within(listed).getByTestId("menu-offer-4");
  expect(within(full).getByText("驻区单位：中原区人民医院")).toBeInTheDocument();
  expect(within(full).getByRole("button", { name: "点此预约 健康义诊" })).toBeDisabled();

  // when the resident books the haircut
  await userEvent.click(within(cut).getByRole("button", { name: "点此预约 上门理发" }));
  // then it is shown as chosen, the menu gives way, and what is ordered is filled in from it, not to be changed
  const chosen = screen.getByRole("region", { name: "您预约的服务" });
  expect(within(chosen).getByText("上门理发")).toBeInTheDocument();
  expect(screen.queryByRole("region", { name: "服务菜单" })).toBeNull();
  expect(screen.getByLabelText("需要什么帮助")).toHaveValue("上门理发");
  expect(screen.getByLabelText("需要什么帮助")).toBeDisabled();
  expect(screen.getByLabelText("需求类别")).toBeDisabled();

  await userEvent.type(screen.getByLabelText("详细说明"), "母亲卧床");
  await confirmPhone();
  await userEvent.click(screen.getByRole("button", { name: "提交需求" }));
  expect(await screen.findByTestId("tracking-no")).toHaveTextContent("K7M2QX9PZA");
  expect(calls.at(-1)).toEqual({
    path: "order",
    body: {
      offer: 3,
      description: "母亲卧床",
      address: "",
      requester_name: "",
      phone: "13655551234",
      code: "123456",
      wanted_start: null,
      wanted_end: null,
    },
  });
});

it("goes back to the menu on choosing again, and when the server finds the offer full", async () => {
  menu = [haircut];
  renderWithApp(<OrderPage community={7} />);
  await userEvent.click(await screen.findByRole("button", { name: "点此预约 上门理发" }));
  // choosing again empties what the offer filled in
  await userEvent.click(screen.getByRole("button", { name: "重新选择" }));
  expect(screen.getByLabelText("需要什么帮助")).toHaveValue("");
  expect(screen.getByLabelText("需要什么帮助")).toBeEnabled();

  // when the offer filled up meanwhile
  await userEvent.click(screen.getByRole("button", { name: "点此预约 上门理发" }));
  menu = [{ ...haircut, full: true }];
  orderReply = () =>
    jsonReply(409, {
      message: "该服务当前已约满，请稍后再试或选择其他服务。",
      extra: { code: "offer_full", fields: {} },
    });
  await confirmPhone();
  await userEvent.click(screen.getByRole("button", { name: "提交需求" }));
  // then the refusal is said, and the menu, read again, shows it full
  expect(await screen.findByRole("alert")).toHaveTextContent("该服务当前已约满，请稍后再试或选择其他服务。");
  expect(await screen.findByRole("button", { name: "点此预约 上门理发" })).toBeDisabled();
  expect(screen.queryByRole("region", { name: "您预约的服务" })).toBeNull();
  expect(calls.filter((call) => call.path === "menu")).toHaveLength(2);
});
