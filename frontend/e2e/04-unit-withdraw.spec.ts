// A unit representative withdraws one of the unit's resources for a future day (the client's checks first),
// sees the withdrawal listed (撤回记录), is refused a second withdrawal of the same day (409), looks at the bookings
// page, finds the withdrawal there in the list the server keeps (also after a reload) and takes it back from it.
import { expect, test } from "@playwright/test";
import { districtDay, menu, signIn, snap } from "./helpers";

test("a unit representative withdraws a resource for a day and takes it back", async ({ page }) => {
  // Three weeks ahead: past any published plan, so no booking moves and the take-back is allowed.
  const day = districtDay(21);
  await signIn(page, "danwei");
  await expect(page).toHaveURL(/\/resources$/);
  const row = page.locator(".ant-table-row").first();
  await expect(row).toBeVisible();
  const name = (await row.locator("td").first().innerText()).trim();

  await row.getByRole("button", { name: "撤回某日" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(name);
  // Clicked until the form answers: under load one click on the just-opened dialog can be lost.
  await expect(async () => {
    await dialog.getByRole("button", { name: "撤回" }).click();
    await expect(dialog.getByText("请选择日期")).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect(dialog.getByText("请填写原因")).toBeVisible();

  await dialog.getByLabel("日期").fill(day);
  await dialog.getByLabel("日期").press("Enter");
  await dialog.getByLabel("原因").fill("单位内部培训，当天占用");
  await snap(page, "unit-withdraw-form");
  await dialog.getByRole("button", { name: "撤回" }).click();
  await expect(dialog).toBeHidden();
  const withdrawals = page.getByTestId("withdrawals");
  const mine = withdrawals.getByTestId("withdrawal").filter({ hasText: `${name} · ${day}` });
  await expect(mine).toHaveCount(1);
  await expect(mine.getByRole("button", { name: "取消撤回" })).toBeVisible();
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

  // The bookings page: the week's published bookings, and the withdrawal in the server's list (撤回记录) — still
  // there after a reload, so it does not depend on this page's memory — taken back from there.
  await menu(page, "预订").click();
  await expect(page.getByRole("heading", { name: "预订" })).toBeVisible();
  await expect(page.getByTestId("bookings-table")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "预订" })).toBeVisible();
  await expect(withdrawals).toContainText("撤回记录");
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText("单位内部培训，当天占用");
  await page.getByRole("button", { name: "下一周" }).click();
  await expect(page.getByTestId("bookings-table").locator(".ant-spin-spinning")).toHaveCount(0);
  await snap(page, "unit-bookings");
  await mine.getByRole("button", { name: "取消撤回" }).click();
  await expect(page.getByText("已取消撤回")).toBeVisible();
  await expect(mine).toHaveCount(0);
  // Gone on the server too: a reload does not bring it back.
  await page.reload();
  await expect(withdrawals).toBeVisible();
  await expect(withdrawals.locator(".ant-spin-spinning")).toHaveCount(0);
  await expect(mine).toHaveCount(0);
});
