// A unit representative lists a new resource: the form refuses an empty submission, then saves.
import { expect, test } from "@playwright/test";
import { signIn, snap } from "./helpers";

test("a unit representative creates a resource", async ({ page }) => {
  await signIn(page, "danwei");
  await expect(page).toHaveURL(/\/resources$/);
  await expect(page.locator(".ant-table-row").first()).toBeVisible();
  await snap(page, "unit-resources");

  await page.getByRole("button", { name: "登记资源" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.getByText("请输入名称")).toBeVisible();
  await expect(dialog.getByText("请选择类别")).toBeVisible();

  await dialog.getByLabel("名称").fill("财政局二楼活动室");
  await dialog.getByLabel("类别").click();
  await page.getByTitle("场地").click();
  await dialog.getByLabel("容量").fill("30");
  await snap(page, "unit-resource-form");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("cell", { name: "财政局二楼活动室" })).toBeVisible();

  await page.getByRole("menuitem", { name: "预约情况" }).click();
  await expect(page.getByTestId("empty-state")).toBeVisible();
  await snap(page, "unit-bookings");
});

test("an unknown address shows the 404 page with a way back", async ({ page }) => {
  await signIn(page, "danwei");
  await page.goto("/no/such/page");
  await expect(page.getByText("页面不存在")).toBeVisible();
  await snap(page, "not-found");
  await page.getByRole("button", { name: "返回首页" }).click();
  await expect(page).toHaveURL(/\/resources$/);
});
