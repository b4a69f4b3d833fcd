// The invitation page: a link's token names the invitation; the client checks the password twice, the phone and the
// privacy notice, the server's refusal of the password lands on its field, and an accepted invitation signs the
// person in with the new password. A dead link falls back to the phone number and the SMS code.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import type { Schema } from "@/lib/api";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { InvitationPage } from "./InvitationPage";

const invitation: Schema<"InvitationOutput"> = {
  username: "v1234",
  display_name: "王芳",
  phone: "138****0021",
  expires_at: "2026-12-21T10:00:00+08:00",
  privacy_version: "2026-12",
};
const me: Schema<"Me"> = {
  id: 40,
  username: "v1234",
  display_name: "王芳",
  role: "volunteer",
  sub_district: null,
  community: null,
  unit: null,
  volunteer: 21,
  version: "1.0",
  time_zone: "Asia/Shanghai",
};

let calls: { path: string; body: unknown }[];
let lookupReply: (body: Record<string, string>) => Response;
let acceptReply: () => Response;
beforeEach(() => {
  calls = [];
  lookupReply = () => jsonReply(200, invitation);
  acceptReply = () => jsonReply(200, me);
  server.use(
    http.post("/api/auth/invitation/", async ({ request, response }) => {
      const body = (await request.json()) as Record<string, string>;
      calls.push({ path: "lookup", body });
      return response.untyped(lookupReply(body));
    }),
    http.post("/api/auth/invitation/accept/", async ({ request, response }) => {
      calls.push({ path: "accept", body: await request.json() });
      return response.untyped(acceptReply());
    }),
    http.post("/api/auth/login/", async ({ request, response }) => {
      calls.push({ path: "login", body: await request.json() });
      return response(200).json(me);
    }),
  );
});

const field = (label: string) => screen.getByLabelText(label);

it("activates from the link's token: checks first, the server's password refusal on its field, then signs in", async () => {
  const onSignedIn = vi.fn();
  renderWithApp(<InvitationPage token="tok123" onSignedIn={onSignedIn} />);
  expect(await screen.findByText("王芳，您好！请设置密码并确认手机号以激活账号。")).toBeInTheDocument();
  expect(screen.getByText(/登录名：v1234/)).toHaveTextContent("邀请有效期至 2026-12-21 10:00");
  expect(screen.getByText("请输入接收邀请的手机号（138****0021）。")).toBeInTheDocument();
  expect(calls).toEqual([{ path: "lookup", body: { token: "tok123" } }]);

  await userEvent.click(screen.getByRole("button", { name: "激活并登录" }));
  expect(await screen.findByText("请阅读并同意隐私声明")).toBeInTheDocument();
  expect(screen.getAllByText("请输入新密码")).toHaveLength(2);
  expect(screen.getByText("请输入手机号")).toBeInTheDocument();

  await userEvent.type(field("新密码"), "Qiang-2026!");
  await userEvent.type(field("再次输入新密码"), "Qiang-2027!");
  await userEvent.type(field("确认手机号"), " 13800000021 ");
  await userEvent.click(screen.getByRole("checkbox", { name: "我已阅读并同意隐私声明" }));
  await userEvent.click(screen.getByRole("button", { name: "激活并登录" }));
  expect(await screen.findByText("两次输入的密码不一致")).toBeInTheDocument();
  expect(calls).toHaveLength(1);

  await userEvent.clear(field("再次输入新密码"));
  await userEvent.type(field("再次输入新密码"), "Qiang-2026!");
  acceptReply = () =>
    jsonReply(400, {
      message: "请设置更安全的密码。",
      extra: { code: "invalid", fields: { password: ["这个密码太常见了。"] } },
    });
  await userEvent.click(screen.getByRole("button", { name: "激活并登录" }));
  expect(await screen.findByText("这个密码太常见了。")).toBeInTheDocument();
  expect(screen.queryByRole("alert")).toBeNull();
  expect(onSignedIn).not.toHaveBeenCalled();

  acceptReply = () => jsonReply(200, me);
  await userEvent.click(screen.getByRole("button", { name: "激活并登录" }));
  await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(me));
  const accept = { token: "tok123", password: "Qiang-2026!", confirm_phone: "13800000021", privacy_accepted: true };
  expect(calls.slice(1)).toEqual([
    { path: "accept", body: accept },
    { path: "accept", body: accept },
    { path: "login", body: { username: "v1234", password: "Qiang-2026!" } },
  ]);
});

it("falls back to the phone number and the SMS code when the link is dead", async () => {
  lookupReply = (body) =>
    body.token
      ? jsonReply(400, {
          message: "该邀请链接已失效，请联系社区重新发送。",
          extra: { code: "invitation_invalid", fields: { token: ["未知、已使用或已过期。"] } },
        })
      : jsonReply(200, { ...invitation, phone: "" });
  renderWithApp(<InvitationPage token="old" onSignedIn={vi.fn()} />);
  expect(await screen.findByText("该邀请链接已失效，请联系社区重新发送。")).toBeInTheDocument();
  await userEvent.type(field("手机号"), "13800000021");
  await userEvent.type(field("激活码"), "12a");
  await userEvent.click(screen.getByRole("button", { name: "下一步" }));
  expect(await screen.findByText("请输入 6 位数字验证码")).toBeInTheDocument();
  await userEvent.clear(field("激活码"));
  await userEvent.type(field("激活码"), "123456");
  await userEvent.click(screen.getByRole("button", { name: "下一步" }));
  expect(await screen.findByText("请输入您本人的手机号，今后可用于短信登录。")).toBeInTheDocument();
  expect(calls.map((call) => call.body)).toEqual([{ token: "old" }, { phone: "13800000021", code: "123456" }]);
  expect(within(document.body).getByRole("button", { name: "激活并登录" })).toBeInTheDocument();
});
