// A unit representative lists a new resource: the form refuses an empty submission, then saves.
import { expect, test } from "@playwright/test";
import { addWeeklySlot, menu, signIn, snap } from "./helpers";

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

  // Its free slots: a weekly window, added in the edit dialog.
  await page
    .getByRole("row", { name: /财政局二楼活动室/ })
    .getByRole("button", { name: "编辑" })
    .click();
  const slots = page.getByTestId("slots-editor");
  await expect(slots.getByText(/还没有空闲时段/)).toBeVisible();
  await slots.getByRole("button", { name: "添加时段" }).click();
  await expect(slots.getByText("请选择日期")).toBeVisible();
  await addWeeklySlot(page, slots, "周三", "09:00", "11:30");
  await snap(page, "unit-resource-slots");
  await page.getByRole("dialog").getByRole("button", { name: "取消" }).click();
  await expect(page.getByRole("row", { name: /财政局二楼活动室/ }).getByText("周三 09:00–11:30")).toBeVisible();

  // The English switch: menus, headings and the server's words change language.
  await page.getByTestId("lang-switch").click();
  await expect(page.getByRole("heading", { name: "Resources" })).toBeVisible();
  await snap(page, "unit-resources-english");
  await page.getByTestId("lang-switch").click();
  await expect(page.getByRole("heading", { name: "资源清单" })).toBeVisible();

  await menu(page, "预订").click();
  await expect(page.getByRole("heading", { name: "预订" })).toBeVisible();
  await expect(page.getByTestId("bookings-table")).toBeVisible();
});

test("an unknown address shows the 404 page with a way back", async ({ page }) => {
  await signIn(page, "danwei");
  await page.goto("/no/such/page");
  await expect(page.getByText("页面不存在")).toBeVisible();
  await snap(page, "not-found");
  await page.getByRole("button", { name: "返回首页" }).click();
  await expect(page).toHaveURL(/\/resources$/);
});
