// A community coordinator runs the matching for next week, reviews it, re-runs, compares, and publishes;
// a later version of the same week is refused publication (409) and the refusal is shown.
import { expect, test } from "@playwright/test";
import { menu, signIn, snap } from "./helpers";

test("a coordinator runs the matching and publishes", { tag: "@smoke" }, async ({ page }) => {
  // Three runs on the worker, each allowed 60 s below: the test's budget holds them (a guard against a hang, not a
  // wait; the default 120 s ran out on a busy machine while the third run's page was answering).
  test.setTimeout(300_000);
  await signIn(page, "shequ");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("empty-state")).toBeVisible();
  await snap(page, "coordinator-dashboard-empty");

  await menu(page, "匹配与排班").click();
  await expect(page.getByRole("heading", { name: "匹配与排班" })).toBeVisible();
  await page.getByRole("button", { name: "开始匹配" }).click();

  // The run page follows the worker: the progress card first (maybe too fast to see), then the figures.
  await expect(page).toHaveURL(/\/runs\/\d+$/);
  await expect(page.getByTestId("run-summary")).toBeVisible({ timeout: 60_000 });
  const firstRun = page.url();
  await snap(page, "coordinator-run-review");

  await page.getByRole("tab", { name: "周视图" }).click();
  await expect(page.getByTestId("plan-week")).toBeVisible();
  await snap(page, "coordinator-run-week");

  await page.getByRole("tab", { name: "未满足名额" }).click();
  await expect(page.getByTestId("unfilled-panel")).toBeVisible();
  await snap(page, "coordinator-run-unfilled");

  // Pin the first assignment (a hard-rule-free change) and see it stick.
  await page.getByRole("tab", { name: "排班表" }).click();
  const firstPin = page.getByRole("switch").first();
  await firstPin.click();
  await expect(firstPin).toBeChecked();

  // Re-run: a second version, compared with the first.
  await page.getByRole("button", { name: "重新匹配" }).click();
  await expect(page).not.toHaveURL(firstRun);
  await expect(page.getByText("第 2 版")).toBeVisible();
  await expect(page.getByTestId("run-summary")).toBeVisible({ timeout: 60_000 });
  await page.getByRole("tab", { name: "与上一版比较" }).click();
  await expect(page.getByTestId("compare-panel")).toBeVisible();
  await snap(page, "coordinator-run-compare");

  await page.getByRole("tab", { name: "图表" }).click();
  await expect(page.getByTestId("run-charts").locator("canvas").first()).toBeVisible(); // drawn, not just mounted
  await snap(page, "coordinator-run-charts");

  // Publish version 2.
  await page.getByRole("button", { name: "发布方案" }).click();
  await page.getByRole("button", { name: "确定" }).click();
  await expect(page.getByTestId("published-tag")).toBeVisible();
  await expect(page.getByRole("button", { name: "发布方案" })).toHaveCount(0);

  // A third version of the published week: publishing it is refused (409) and the server's reason shown.
  await page.getByRole("button", { name: "重新匹配" }).click();
  await expect(page.getByText("第 3 版")).toBeVisible();
  await expect(page.getByTestId("run-summary")).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "发布方案" }).click();
  await page.getByRole("button", { name: "确定" }).click();
  await expect(page.locator(".ant-modal-confirm-title", { hasText: "无法发布" })).toBeVisible();
  await snap(page, "coordinator-publish-refused");
  await page.locator(".ant-modal-confirm-btns").getByRole("button").click();

  await menu(page, "工作台").click();
  await expect(page.getByTestId("run-charts").locator("canvas").first()).toBeVisible();
  await snap(page, "coordinator-dashboard");

  for (const [item, name] of [
    ["需求清单", "coordinator-needs"],
    ["班次", "coordinator-shifts"],
    ["志愿者", "coordinator-volunteers"],
  ] as const) {
    await menu(page, item).click();
    await expect(page.locator(".ant-table-row").first()).toBeVisible();
    await snap(page, name);
    if (item === "需求清单") {
      // Move a need on to its next status (点单 review).
      await page
        .getByRole("button", { name: /变更为/ })
        .first()
        .click();
      await page
        .getByRole("menuitem")
        .filter({ hasText: /已发布|已认领|服务中|已完成|已评价|已关闭/ })
        .first()
        .click();
      await expect(page.getByText(/ → /).first()).toBeVisible();
    }
    if (item === "班次") {
      await page.getByRole("button", { name: "签到二维码" }).first().click();
      await expect(page.getByTestId("shift-qr")).toBeVisible();
      await snap(page, "coordinator-shift-qr");
      await page
        .getByRole("dialog")
        .getByRole("button", { name: /close|关闭/i })
        .click();
      // The same week on a calendar: one column a day.
      await page.locator(".ant-segmented").getByText("日历").click();
      await expect(page.getByTestId("shifts-week-item").first()).toBeVisible();
      await snap(page, "coordinator-shifts-calendar");
    }
  }
});
