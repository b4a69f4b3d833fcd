// The menu: the role's pages as links, the open one marked, and a click opens the page it names. The tests' screen
// is a phone's (src/test/setup.ts), where the menu is in the drawer the menu button opens.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import { coordinator, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { Shell } from "./Shell";

// The frame's footer asks "who am I" for the version.
beforeEach(() =>
  server.use(
    http.get("/api/auth/me/", ({ response }) =>
      response(200).json({ ...coordinator, version: "0.2.0", time_zone: "Asia/Shanghai" }),
    ),
  ),
);

it("lists the role's pages as links, marks the open one, and moves the mark to the page a click opens", async () => {
  // given a coordinator on the needs page
  renderWithApp(<Shell onLogout={() => {}}>page</Shell>, { me: coordinator, path: "/needs" });
  await userEvent.click(screen.getByRole("button", { name: "menu" }));
  const menu = await screen.findByRole("navigation", { name: "主菜单" });
  // then the needs entry is marked as the open page, and only it
  expect(within(menu).getByRole("link", { name: "需求清单" })).toHaveAttribute("aria-current", "page");
  expect(within(menu).getByRole("link", { name: "志愿者" })).not.toHaveAttribute("aria-current");
  expect(within(menu).queryByRole("link", { name: "我的岗位" })).toBeNull(); // a volunteer's page
  expect(menu.closest(".ant-drawer")).toHaveClass("ant-drawer-open");
  // when the volunteers entry is clicked
  await userEvent.click(within(menu).getByRole("link", { name: "志愿者" }));
  // then the drawer closes, and that page is the open one
  // (the tests inject no styles, so "closed" is the drawer's state, not what CSS would hide)
  await waitFor(() => expect(menu.closest(".ant-drawer")).not.toHaveClass("ant-drawer-open"));
  const entry = (name: string) => within(menu).getByRole("link", { name, hidden: true });
  expect(entry("志愿者")).toHaveAttribute("aria-current", "page");
  expect(entry("需求清单")).not.toHaveAttribute("aria-current");
});
