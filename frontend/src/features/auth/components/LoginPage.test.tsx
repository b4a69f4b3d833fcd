// The sign-in form: client checks before any request; the server's refusal and field errors shown.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import type { Schema } from "@/lib/api";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { LoginPage } from "./LoginPage";

let refusal: Schema<"Error">;
let sent: unknown[] = [];
beforeEach(() => {
  sent = [];
  server.use(
    http.post("/api/auth/login/", async ({ request, response }) => {
      sent.push(await request.json());
      return response(400).json(refusal);
    }),
  );
});

it("asks for both fields before sending anything", async () => {
  renderWithApp(<LoginPage />);
  await userEvent.click(screen.getByRole("button", { name: "登录" }));
  expect(await screen.findByText("请输入用户名")).toBeInTheDocument();
  expect(await screen.findByText("请输入密码")).toBeInTheDocument();
  expect(sent).toHaveLength(0);
});

it("shows the server's refusal", async () => {
  refusal = { message: "用户名或密码错误。", extra: { code: "wrong_credentials", fields: {} } };
  renderWithApp(<LoginPage />);
  await userEvent.type(screen.getByLabelText("用户名"), "shequ");
  await userEvent.type(screen.getByLabelText("密码"), "nope");
  await userEvent.click(screen.getByRole("button", { name: "登录" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("用户名或密码错误。");
  expect(sent).toEqual([{ username: "shequ", password: "nope" }]);
});

it("puts the server's field errors under their fields", async () => {
  refusal = { message: "password: 太长。", extra: { code: "invalid", fields: { password: ["太长。"] } } };
  renderWithApp(<LoginPage />);
  await userEvent.type(screen.getByLabelText("用户名"), "shequ");
  await userEvent.type(screen.getByLabelText("密码"), "x");
  await userEvent.click(screen.getByRole("button", { name: "登录" }));
  await waitFor(() => expect(screen.getByText("太长。")).toBeInTheDocument());
  expect(screen.queryByRole("alert")).not.toBeInTheDocument();
});

it("opens the other ways in (an SMS code, 忘记密码) in place of the form, and comes back", async () => {
  const otherWays = vi.fn((way: string, back: () => void) => <button onClick={back}>{`other way: ${way}`}</button>);
  renderWithApp(<LoginPage otherWays={otherWays} />);
  await userEvent.click(screen.getByRole("button", { name: "短信验证码登录" }));
  await userEvent.click(await screen.findByRole("button", { name: "other way: code" }));
  await userEvent.click(await screen.findByRole("button", { name: "忘记密码" }));
  expect(await screen.findByRole("button", { name: "other way: reset" })).toBeInTheDocument();
  expect(screen.queryByLabelText("用户名")).toBeNull();
  expect(sent).toHaveLength(0);
});
