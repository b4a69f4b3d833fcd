// A community coordinator starts a post allocation run (定岗) for next year, follows it to done, reviews the
// proposals and unfilled posts, and publishes; a re-run of the published year is refused publication (409).
// The demo volunteer then sees their standing post and declines it with a reason.
import { expect, test } from "@playwright/test";
import { districtDay, menu, signIn, signOut, snap } from "./helpers";

test("a coordinator allocates next year's posts and publishes", async ({ page }) => {
  await signIn(page, "shequ");
  await menu(page, "定岗").click();
  await expect(page.getByRole("heading", { name: "定岗" })).toBeVisible();
  const form = page.getByTestId("allocation-start-form");
  await form.getByLabel("年度").fill("");
  await form.getByRole("button", { name: "开始定岗" }).click();
  await expect(form.getByText("请输入年度")).toBeVisible();
  const year = String(Number(districtDay().slice(0, 4)) + 1);
  await form.getByLabel("年度").fill(year);
  await form.getByLabel("求解时限（秒）").fill("20");
  await snap(page, "coordinator-allocation");
  await form.getByRole("button", { name: "开始定岗" }).click();

  // The run page polls the run: progress first (maybe too quick to see), then the review.
  await expect(page).toHaveURL(/\/allocation\/\d+$/);
  await expect(page.getByTestId("allocation-summary")).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole("heading", { name: new RegExp(`${year} 年度定岗`) })).toBeVisible();
  await expect(page.getByTestId("proposals-table").locator(".ant-table-row").first()).toBeVisible();
  const firstRun = page.url();
  await snap(page, "coordinator-allocation-review");

  // Pin the first proposal.
  const pin = page.getByTestId("proposals-table").getByRole("switch").first();
  await pin.click();
  await expect(pin).toBeChecked();

  await page.getByRole("tab", { name: "未满岗位" }).click();
  await expect(page.getByTestId("unfilled-posts")).toBeVisible();
  await snap(page, "coordinator-allocation-unfilled");

  await page.getByRole("button", { name: "发布方案" }).click();
  await page.getByRole("button", { name: "确定" }).click();
  await expect(page.getByTestId("allocation-published")).toBeVisible();
  await expect(page.getByRole("button", { name: "发布方案" })).toHaveCount(0);
  await snap(page, "coordinator-allocation-published");

  // A second version of the published year: its publication is refused (409) with the server's reason.
  await page.getByRole("button", { name: "重新匹配" }).click();
  await expect(page).not.toHaveURL(firstRun);
  await expect(page.getByText("第 2 版")).toBeVisible();
  await expect(page.getByTestId("allocation-summary")).toBeVisible({ timeout: 90_000 });
  await page.getByRole("button", { name: "发布方案" }).click();
  await page.getByRole("button", { name: "确定" }).click();
  await expect(page.locator(".ant-modal-confirm-title", { hasText: "无法发布" })).toBeVisible();
  await snap(page, "coordinator-allocation-refused");
  await page.locator(".ant-modal-confirm-btns").getByRole("button").click();
  await signOut(page);

  // The volunteer's standing posts: decline one with a reason.
  await signIn(page, "zhiyuanzhe");
  await menu(page, "我的固定岗位").click();
  await expect(page.getByRole("heading", { name: "我的固定岗位" })).toBeVisible();
  const holding = page.getByTestId("my-holding").first();
  await expect(holding).toBeVisible();
  await snap(page, "volunteer-holdings");
  await holding.getByRole("button", { name: "婉拒" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("原因（可选）").fill("工作调动，时间冲突");
  await dialog.getByRole("button", { name: "婉拒" }).click();
  await expect(page.getByText("已婉拒，社区协调员会收到通知。")).toBeVisible();
  await expect(page.getByTestId("my-holding").first()).toContainText("已婉拒");
  await snap(page, "volunteer-holdings-declined");
});
