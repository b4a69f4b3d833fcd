// Shared steps of the end-to-end tests: sign in through the form, and screenshots at desktop and phone width.
import { expect, type APIRequestContext, type APIResponse, type Locator, type Page } from "@playwright/test";

export const PASSWORD = "demo12345";

export async function signIn(page: Page, username: string) {
  await page.goto("/");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click(); // not 短信验证码登录
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
}

/** Signs `username` in on an API request context as the web app does; the headers its unsafe calls need after. */
export async function apiSignIn(request: APIRequestContext, baseURL: string, username: string) {
  // "who am I" sets the csrftoken cookie (Django's ensure_csrf_cookie): the web app asks it first too. index.html
  // does not: behind nginx it is a file nginx serves.
  await request.get("/api/auth/me/");
  const csrf = (await request.storageState()).cookies.find((c) => c.name === "csrftoken")!.value;
  const headers = { "X-CSRFToken": csrf, Referer: baseURL };
  const login = await request.post("/api/auth/login/", { data: { username, password: PASSWORD }, headers });
  expect(login.ok()).toBeTruthy();
  // the login rotates the token
  const token = (await request.storageState()).cookies.find((c) => c.name === "csrftoken")!.value;
  return { "X-CSRFToken": token, Referer: baseURL };
}

/** An answer's JSON as the API schema describes it: `await body<Schema<"Me">>(request.get("/api/auth/me/"))`. */
export async function body<T>(response: APIResponse | Promise<APIResponse>): Promise<T> {
  return (await (await response).json()) as T;
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByLabel("用户名")).toBeVisible();
}

export const DESKTOP = { width: 1280, height: 800 };
/** The laptop width the newer pages are checked at. */
export const LAPTOP = { width: 1366, height: 768 };

/** Resolves once the page has drawn two frames: whatever a resize or a new chart laid out is on screen. */
export async function laidOut(page: Page) {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/** The current page at desktop (1280x800, or `desktop`) and phone (390x844) width, into e2e/screenshots/. */
export async function snap(page: Page, name: string, desktop: { width: number; height: number } = DESKTOP) {
  const before = page.viewportSize();
  for (const [suffix, size] of [
    ["desktop", desktop],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    await laidOut(page); // charts and the menu re-lay out on resize
    await page.screenshot({ path: `e2e/screenshots/${name}-${suffix}.png`, fullPage: true, animations: "disabled" });
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

// Dates as the district sees them (Asia/Shanghai, as the server does), whatever the zone of the browser or the machine
// that runs the tests: at 00:30 on a Monday in Zhongyuan it is still Sunday in UTC.
const DISTRICT_DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" });
const DAY_MS = 86_400_000;

/** The district's date `days` from today, as YYYY-MM-DD. */
export function districtDay(days = 0): string {
  return DISTRICT_DATE.format(new Date(Date.now() + days * DAY_MS));
}

/** `day` (YYYY-MM-DD) moved by `days`, as YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the district's week `weeks` from this one, as YYYY-MM-DD. */
export function districtMonday(weeks = 0): string {
  const today = districtDay();
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return addDays(today, weeks * 7 - weekday);
}

/** In an open date panel: turns to the month of `day` (YYYY-MM-DD), backwards or forwards, and picks the day. */
export async function pickDay(page: Page, day: string) {
  const panel = page.locator(".ant-picker-dropdown:visible");
  const [year, month] = day.split("-").map(Number);
  const number = async (button: string) => Number((await panel.locator(button).first().innerText()).replace(/\D/g, ""));
  for (let turn = 0; turn < 24; turn += 1) {
    const months =
      (year - (await number(".ant-picker-year-btn"))) * 12 + (month - (await number(".ant-picker-month-btn")));
    if (months === 0) break;
    await panel
      .locator(months > 0 ? ".ant-picker-header-next-btn" : ".ant-picker-header-prev-btn")
      .first()
      .click();
  }
  await panel.locator(`td[title="${day}"].ant-picker-cell-in-view`).click();
}

/** Chooses `title` in the single-choice select of the form item `item` until the field shows it: under load a click on
 * an option can land while the list re-renders and choose nothing (CI saw the list still open, nothing chosen). */
export async function chooseOption(page: Page, item: Locator, title: string) {
  const list = page.locator(".ant-select-dropdown:visible");
  await expect(async () => {
    if ((await list.count()) === 0) await item.locator(".ant-select").click();
    await list.getByTitle(title, { exact: true }).click({ timeout: 2_000 });
    await expect(item.getByTitle(title, { exact: true }).first()).toBeVisible({ timeout: 2_000 }); // the chosen value
  }).toPass();
}

/** The entry `name` of the side menu (app/SideNav.tsx), a link. */
export function menu(page: Page, name: string): Locator {
  return page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name, exact: true });
}
