// Sign-in by SMS code and 忘记密码: the phone asked for before a code; a code sent; a 429 shows the wait the server
// names (Retry-After) and holds the button; a good code signs in; a reset with a wrong code shows it on the code.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import type { Schema } from "@/lib/api";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { PhoneSignIn } from "./PhoneSignIn";

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
let codeReply: () => Response;
let resetReply: () => Response;
beforeEach(() => {
  calls = [];
  codeReply = () => new Response(null, { status: 202 });
  server.use(
    http.post("/api/auth/phone-code/", async ({ request, response }) => {
      calls.push({ path: "phone-code", body: await request.json() });
      return response.untyped(codeReply());
    }),
    http.post("/api/auth/code-login/", async ({ request, response }) => {
      calls.push({ path: "code-login", body: await request.json() });
      return response(200).json(me);
    }),
    http.post("/api/auth/password-reset/", async ({ request, response }) => {
      calls.push({ path: "password-reset", body: await request.json() });
      return response.untyped(resetReply());
    }),
  );
});

it("asks for a code, shows the server's wait on a 429, and signs in with the code", async () => {
  const onSignedIn = vi.fn();
  renderWithApp(<PhoneSignIn mode="code" onBack={vi.fn()} onSignedIn={onSignedIn} />);
  await userEvent.click(screen.getByRole("button", { name: "获取验证码" }));
  expect(await screen.findByText("请输入手机号")).toBeInTheDocument();
  expect(calls).toEqual([]);

  await userEvent.type(screen.getByLabelText("手机号"), "13800000021");
  await userEvent.click(screen.getByRole("button", { name: "获取验证码" }));
  expect(await screen.findByText("如该号码已登记账号，验证码已通过短信发送，请查收。")).toBeInTheDocument();

  codeReply = () =>
    new Response(
      JSON.stringify({ message: "获取验证码过于频繁，请 120 秒后再试。", extra: { code: "too_many_codes" } }),
      {
        status: 429,
        headers: { "Content-Type": "application/json", "Retry-After": "120" },
      },
    );
  await userEvent.click(screen.getByRole("button", { name: "获取验证码" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("获取验证码过于频繁，请等待 120 秒后再试。");
  expect(screen.getByRole("button", { name: /秒后可重新获取/ })).toBeDisabled();

  await userEvent.type(screen.getByLabelText("短信验证码"), "654321");
  await userEvent.click(screen.getByRole("button", { name: "登录" }));
  await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(me));
  expect(calls).toEqual([
    { path: "phone-code", body: { phone: "13800000021", purpose: "login" } },
    { path: "phone-code", body: { phone: "13800000021", purpose: "login" } },
    { path: "code-login", body: { phone: "13800000021", code: "654321" } },
  ]);
});

it("sets a new password with a reset code; a wrong code is shown on its field", async () => {
  const onBack = vi.fn();
  renderWithApp(<PhoneSignIn mode="reset" onBack={onBack} onSignedIn={vi.fn()} />);
  await userEvent.type(screen.getByLabelText("手机号"), "13800000021");
  await userEvent.click(screen.getByRole("button", { name: "获取验证码" }));
  await screen.findByText("如该号码已登记账号，验证码已通过短信发送，请查收。");
  await userEvent.type(screen.getByLabelText("短信验证码"), "111111");
  await userEvent.type(screen.getByLabelText("新密码"), "Qiang-2026!");
  await userEvent.type(screen.getByLabelText("再次输入新密码"), "Qiang-2026!");
  resetReply = () =>
    jsonReply(400, {
      message: "验证码错误或已过期，请重新获取。",
      extra: { code: "wrong_code", fields: { code: ["验证码错误或已过期。"] } },
    });
  await userEvent.click(screen.getByRole("button", { name: "重设密码" }));
  expect(await screen.findByText("验证码错误或已过期。")).toBeInTheDocument();

  resetReply = () => new Response(null, { status: 204 });
  await userEvent.click(screen.getByRole("button", { name: "重设密码" }));
  expect(await screen.findByText("密码已重设，请用新密码登录。")).toBeInTheDocument();
  expect(calls.at(-1)).toEqual({
    path: "password-reset",
    body: { phone: "13800000021", code: "111111", password: "Qiang-2026!" },
  });
  expect(calls[0]).toEqual({ path: "phone-code", body: { phone: "13800000021", purpose: "reset" } });
  await userEvent.click(screen.getByRole("button", { name: "返回密码登录" }));
  expect(onBack).toHaveBeenCalled();
});
