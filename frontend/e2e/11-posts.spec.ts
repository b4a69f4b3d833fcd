// 岗位（一编三定）: a coordinator opens a post onto this year's holders, as the seeded 定岗 left them.
import { expect, test } from "@playwright/test";
import { menu, signIn, snap } from "./helpers";

test("a coordinator sees who holds a post", async ({ page }) => {
  await signIn(page, "shequ");
  await menu(page, "岗位（一编三定）").click();
  const first = page.locator(".ant-table-row").first();
  await expect(first).toBeVisible();
  await first.locator(".ant-table-row-expand-icon").click();
  const holders = page.getByTestId("post-holders");
  await expect(holders).toContainText(/\d{4} 年在岗 \d+ 人（每次 \d+ 个名额）/);
  await expect(holders.locator(".ant-tag").first()).toContainText(/· (在岗|待确认|已婉拒|已结束)/);
  await snap(page, "coordinator-post-holders");
});
