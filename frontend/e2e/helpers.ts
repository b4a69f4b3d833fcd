// Shared steps of the end-to-end tests: sign in through the form, and screenshots at desktop and phone width.
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo12345";

export async function signIn(page: Page, username: string) {
  await page.goto("/");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByLabel("用户名")).toBeVisible();
}

/** The current page at desktop (1280x800) and phone (390x844) width, into e2e/screenshots/. */
export async function snap(page: Page, name: string) {
  const before = page.viewportSize();
  for (const [suffix, size] of [
    ["desktop", { width: 1280, height: 800 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(400); // charts and the menu re-lay out on resize
    await page.screenshot({ path: `e2e/screenshots/${name}-${suffix}.png`, fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}
