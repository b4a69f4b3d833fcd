// The sign-in form: client checks before any request; the server's refusal and field errors shown.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import { LoginPage } from "./LoginPage";

const fetchMock = vi.fn();
beforeEach(() => vi.stubGlobal("fetch", fetchMock));
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

it("asks for both fields before sending anything", async () => {
  renderWithApp(<LoginPage />);
  await userEvent.click(screen.getByRole("button", { name: "登录" }));
  expect(await screen.findByText("请输入用户名")).toBeInTheDocument();
  expect(await screen.findByText("请输入密码")).toBeInTheDocument();
  expect(fetchMock).not.toHaveBeenCalled();
});

it("shows the server's refusal", async () => {
  fetchMock.mockResolvedValue(jsonReply(400, { message: "用户名或密码错误。", extra: { code: "wrong_credentials", fields: {} } }));
  renderWithApp(<LoginPage />);
  await userEvent.type(screen.getByLabelText("用户名"), "shequ");
  await userEvent.type(screen.getByLabelText("密码"), "nope");
  await userEvent.click(screen.getByRole("button", { name: "登录" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("用户名或密码错误。");
  const [url, init] = fetchMock.mock.calls[0];
  expect(url).toBe("/api/auth/login/");
  expect(JSON.parse(init.body)).toEqual({ username: "shequ", password: "nope" });
});

it("puts the server's field errors under their fields", async () => {
  fetchMock.mockResolvedValue(
    jsonReply(400, { message: "password: 太长。", extra: { code: "invalid", fields: { password: ["太长。"] } } }),
  );
  renderWithApp(<LoginPage />);
  await userEvent.type(screen.getByLabelText("用户名"), "shequ");
  await userEvent.type(screen.getByLabelText("密码"), "x");
  await userEvent.click(screen.getByRole("button", { name: "登录" }));
  await waitFor(() => expect(screen.getByText("太长。")).toBeInTheDocument());
  expect(screen.queryByRole("alert")).not.toBeInTheDocument();
});
