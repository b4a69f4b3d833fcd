// 用户与权限: the administrator sees each account's role, scope and state; disables one and resets another's login
// after a confirmation; creates a community coordinator (the client asks for the role's scope first, then the
// server's refusal of the phone number lands on its field).
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import type { Schema } from "@/lib/api";
import type { Me } from "@/lib/session";
import { page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { UsersPage } from "./UsersPage";

const admin: Me = {
  id: 1,
  username: "admin",
  display_name: "区管理员",
  role: "admin",
  sub_district: null,
  community: null,
  unit: null,
  volunteer: null,
};

function account(fields: Partial<Schema<"User">> = {}): Schema<"User"> {
  return {
    id: 5,
    username: "u5",
    display_name: "李敏",
    role: "community_coordinator",
    sub_district: null,
    community: 3,
    unit: null,
    phone: "13800000005",
    email: "",
    phone_problem: "",
    is_active: true,
    activated: false,
    activated_at: null,
    privacy_version: "",
    privacy_accepted_at: null,
    last_login: null,
    date_joined: "2026-12-01T09:00:00+08:00",
    ...fields,
  };
}

let accounts: Schema<"User">[];
let posted: { path: string; body?: unknown }[];
let createReply: () => Response;
beforeEach(() => {
  posted = [];
  accounts = [
    account(),
    account({
      id: 6,
      username: "u6",
      display_name: "赵强",
      role: "unit_representative",
      community: null,
      unit: 8,
      is_active: false,
      activated: true,
      activated_at: "2026-12-02T10:00:00+08:00",
    }),
  ];
  server.use(
    http.get("/api/users/", ({ response }) => response(200).json(page(accounts))),
    http.get("/api/sub-districts/", ({ response }) =>
      response(200).json(page([{ id: 2, district: 1, name: "林山寨街道", code: "S2" }])),
    ),
    http.get("/api/communities/", ({ response }) =>
      response(200).json(
        page([
          { id: 3, sub_district: 2, name: "百花社区", code: "C3", address: "", lat: 0, lng: 0, population: 0 },
        ] as Schema<"Community">[]),
      ),
    ),
    http.get("/api/units/", ({ response }) =>
      response(200).json(page([{ id: 8, name: "市二医院" }] as Schema<"Unit">[])),
    ),
    http.post("/api/users/{id}/disable/", ({ params, response }) => {
      posted.push({ path: `disable ${params.id}` });
      return response(200).json(account({ id: Number(params.id), is_active: false }));
    }),
    http.post("/api/users/{id}/reset-login/", ({ params, response }) => {
      posted.push({ path: `reset-login ${params.id}` });
      return response(200).json(account({ id: Number(params.id) }));
    }),
    http.post("/api/users/", async ({ request, response }) => {
      posted.push({ path: "create", body: await request.json() });
      return response.untyped(createReply());
    }),
  );
});

it("lists each account with its role, scope and state", async () => {
  renderWithApp(<UsersPage />, { me: admin });
  const li = (await screen.findByText("李敏")).closest("tr")!;
  expect(li).toHaveTextContent("社区协调员");
  await waitFor(() => expect(li).toHaveTextContent("百花社区"));
  expect(li).toHaveTextContent("有效");
  expect(li).toHaveTextContent("未激活");
  const zhao = screen.getByText("赵强").closest("tr")!;
  await waitFor(() => expect(zhao).toHaveTextContent("市二医院"));
  expect(zhao).toHaveTextContent("已停用");
  expect(zhao).toHaveTextContent("已激活");
  expect(within(zhao).getByRole("button", { name: "启用" })).toBeInTheDocument();
  expect(within(zhao).queryByRole("button", { name: "重置登录" })).toBeNull();
});

it("disables an account and resets a login only once confirmed", async () => {
  renderWithApp(<UsersPage />, { me: admin });
  const li = (await screen.findByText("李敏")).closest("tr")!;
  await userEvent.click(within(li).getByRole("button", { name: "重置登录" }));
  expect(await screen.findByText(/原密码立即失效/)).toBeInTheDocument();
  expect(posted).toEqual([]);
  await userEvent.click(screen.getByRole("button", { name: "确定" }));
  expect(await screen.findByText("已重置 李敏 的登录，新的激活邀请已发送。")).toBeInTheDocument();

  await userEvent.click(within(li).getByRole("button", { name: "停用" }));
  await userEvent.click((await screen.findAllByRole("button", { name: "确定" })).at(-1)!);
  expect(await screen.findByText("已停用 李敏 的账号")).toBeInTheDocument();
  expect(posted).toEqual([{ path: "reset-login 5" }, { path: "disable 5" }]);
});

it("creates a community coordinator: the scope asked for first, the server's phone refusal on its field", async () => {
  renderWithApp(<UsersPage />, { me: admin });
  await userEvent.click(await screen.findByRole("button", { name: /新建账号/ }));
  const dialog = await screen.findByRole("dialog");
  await userEvent.type(within(dialog).getByLabelText("姓名"), "  周洁 ");
  await userEvent.click(within(dialog).getByLabelText("角色"));
  await userEvent.click(await screen.findByTitle("社区协调员"));
  await userEvent.type(within(dialog).getByLabelText("手机号"), "13900000001");
  await userEvent.click(within(dialog).getByRole("button", { name: "创建并发送邀请" }));
  expect(await within(dialog).findByText("请选择该角色负责的范围")).toBeInTheDocument();
  expect(posted).toEqual([]);

  await userEvent.click(within(dialog).getByLabelText("所属社区"));
  await userEvent.click(await screen.findByTitle("百花社区"));
  createReply = () =>
    jsonReply(400, {
      message: "phone: 该手机号已被其他账号使用。",
      extra: { code: "phone_taken", fields: { phone: ["该手机号已被其他账号使用。"] } },
    });
  await userEvent.click(within(dialog).getByRole("button", { name: "创建并发送邀请" }));
  expect(await within(dialog).findByText("该手机号已被其他账号使用。")).toBeInTheDocument();
  expect(within(dialog).queryByRole("alert")).toBeNull();
  expect(posted).toEqual([
    {
      path: "create",
      body: { display_name: "周洁", role: "community_coordinator", community: 3, phone: "13900000001", email: "" },
    },
  ]);

  createReply = () => jsonReply(201, account({ id: 9, display_name: "周洁", phone: "13900000002" }));
  await userEvent.clear(within(dialog).getByLabelText("手机号"));
  await userEvent.type(within(dialog).getByLabelText("手机号"), "13900000002");
  await userEvent.click(within(dialog).getByRole("button", { name: "创建并发送邀请" }));
  expect(await screen.findByText("已创建 周洁 的账号，激活邀请已发送。")).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
});
