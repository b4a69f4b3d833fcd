// A unit representative withdraws one of the unit's resources for a future day (the client's checks first),
// sees the withdrawal listed, is refused a second withdrawal of the same day (409), looks at the bookings page
// and takes the withdrawal back there.
import { expect, test } from "@playwright/test";
import { signIn, snap } from "./helpers";

/** A day `days` from today in the district's time zone, as YYYY-MM-DD. */
function dayFromNow(days: number) {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + days * 86_400_000));
}

test("a unit representative withdraws a resource for a day and takes it back", async ({ page }) => {
  // Three weeks ahead: past any published plan, so no booking moves and the take-back is allowed.
  const day = dayFromNow(21);
  await signIn(page, "danwei");
  await expect(page).toHaveURL(/\/resources$/);
  const row = page.locator(".ant-table-row").first();
  await expect(row).toBeVisible();
  const name = (await row.locator("td").first().innerText()).trim();

  await row.getByRole("button", { name: "撤回某日" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(name);
  await dialog.getByRole("button", { name: "撤回" }).click();
  await expect(dialog.getByText("请选择日期")).toBeVisible();
  await expect(dialog.getByText("请填写原因")).toBeVisible();

  await dialog.getByLabel("日期").fill(day);
  await dialog.getByLabel("日期").press("Enter");
  await dialog.getByLabel("原因").fill("单位内部培训，当天占用");
  await snap(page, "unit-withdraw-form");
  await dialog.getByRole("button", { name: "撤回" }).click();
  await expect(dialog).toBeHidden();
  const recent = page.getByTestId("recent-withdrawals");
  await expect(recent).toContainText(`${name} · ${day}`);
  await snap(page, "unit-withdrawn");

  // The same day again: the server refuses (409) and the dialog says why.
  await row.getByRole("button", { name: "撤回某日" }).click();
  await dialog.getByLabel("日期").fill(day);
  await dialog.getByLabel("日期").press("Enter");
  await dialog.getByLabel("原因").fill("重复提交");
  await dialog.getByRole("button", { name: "撤回" }).click();
  await expect(dialog.getByRole("alert")).toContainText(day);
  await snap(page, "unit-withdraw-refused");
  await dialog.getByRole("button", { name: "取消" }).click();

  // The bookings page: the week's published bookings, and the withdrawal taken back from the list.
  await page.getByRole("menuitem", { name: "预订" }).click();
  await expect(page.getByRole("heading", { name: "预订" })).toBeVisible();
  await expect(page.getByTestId("bookings-table")).toBeVisible();
  await page.getByRole("button", { name: "下一周" }).click();
  await expect(page.getByTestId("bookings-table").locator(".ant-spin-spinning")).toHaveCount(0);
  await snap(page, "unit-bookings");
  await recent.getByRole("button", { name: "取消撤回" }).click();
  await expect(page.getByText("已取消撤回")).toBeVisible();
  await expect(recent).toBeHidden();
});
