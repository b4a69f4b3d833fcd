// 资源日历: the unit representative opens a resource's week (free slots, bookings, withdrawals) and turns to the
// next week; a coordinator opens the same calendar from the resources list.
import { expect, test } from "@playwright/test";
import { LAPTOP, menu, signIn, signOut, snap } from "./helpers";

test("a resource's calendar for its unit and for a coordinator", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "danwei");
  await expect(page).toHaveURL(/\/resources$/);
  const row = page.locator(".ant-table-row").first();
  const name = (await row.locator("td").first().innerText()).trim();
  await row.getByRole("button", { name: "日历" }).click();
  await expect(page).toHaveURL(/\/resources\/\d+$/);
  const calendar = page.getByTestId("resource-calendar");
  await expect(calendar.getByRole("heading", { name: `资源日历：${name}` })).toBeVisible();
  await expect(calendar.locator("[data-testid^=calendar-day-]")).toHaveCount(7);
  await snap(page, "unit-resource-calendar", LAPTOP);
  await calendar.getByRole("button", { name: "下一周" }).click();
  await expect(calendar.locator("[data-testid^=calendar-day-]")).toHaveCount(7);
  await snap(page, "unit-resource-calendar-next-week", LAPTOP);
  await calendar.getByText("月", { exact: true }).click();
  await expect(calendar.getByTestId("resource-month")).toBeVisible();
  await snap(page, "unit-resource-calendar-month", LAPTOP);
  await calendar.getByText("周", { exact: true }).click();
  await expect(calendar.locator("[data-testid^=calendar-day-]")).toHaveCount(7);
  await signOut(page);

  await signIn(page, "shequ");
  await menu(page, "资源清单").click();
  await page.locator(".ant-table-row").first().getByRole("button", { name: "日历" }).click();
  await expect(page.getByTestId("resource-calendar").getByText("图例：")).toBeVisible();
  await snap(page, "coordinator-resource-calendar", LAPTOP);
});
