// Shared steps of the end-to-end tests: sign in through the form, and screenshots at desktop and phone width.
import { expect, type Locator, type Page } from "@playwright/test";

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

export const DESKTOP = { width: 1280, height: 800 };
/** The laptop width the newer pages are checked at. */
export const LAPTOP = { width: 1366, height: 768 };

/** The current page at desktop (1280x800, or `desktop`) and phone (390x844) width, into e2e/screenshots/. */
export async function snap(page: Page, name: string, desktop: { width: number; height: number } = DESKTOP) {
  const before = page.viewportSize();
  for (const [suffix, size] of [
    ["desktop", desktop],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(400); // charts and the menu re-lay out on resize
    await page.screenshot({ path: `e2e/screenshots/${name}-${suffix}.png`, fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}

/** In a resource's slot editor (after 添加时段 showed its form): adds a weekly free window (`weekday` as shown, 周三) from `from` to `to` (HH:mm). */
export async function addWeeklySlot(page: Page, slots: Locator, weekday: string, from: string, to: string) {
  const day = slots.locator(".ant-select").nth(1);
  await expect(async () => {
    // the option in the open dropdown only (a closing one may still hold the same day); checked, since a click
    // during the dropdown's animation can miss
    await day.click();
    await page.locator(".ant-select-dropdown:visible").getByTitle(weekday).click({ timeout: 2_000 });
    await expect(day).toContainText(weekday, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await slots.getByPlaceholder("开始").fill(from);
  await slots.getByPlaceholder("开始").press("Enter");
  await slots.getByPlaceholder("结束").fill(to);
  await slots.getByPlaceholder("结束").press("Enter"); // Enter in the last field submits the slot form
  await expect(slots.getByText(`${weekday} ${from}–${to}`)).toHaveCount(1);
}
