// 派单: a coordinator turns a pending need into shifts (the client refuses an empty seat count first), is refused
// the same date and time again (409), and merges two needs into a new project (the client asks for a project first).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { districtDay, LAPTOP, menu, pickDay, signIn, snap } from "./helpers";

/** In the 生成班次 dialog: add `day` to the dates and set the time to 09:00–11:00. */
async function chooseDayAndTime(page: Page, dialog: Locator, day: string) {
  await dialog.locator(".ant-picker").first().click(); // the dates (the time picker comes second)
  await pickDay(page, day);
  await dialog.locator(".ant-modal-title").click(); // closes the date panel
  await dialog.getByPlaceholder("开始").click();
  await dialog.getByPlaceholder("开始").fill("09:00");
  await dialog.getByPlaceholder("开始").press("Enter");
  await dialog.getByPlaceholder("结束").fill("11:00");
  await dialog.getByPlaceholder("结束").press("Enter");
}

test("a coordinator turns a need into shifts and merges needs into a project", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "shequ");
  await menu(page, "需求清单").click();
  await page.locator(".ant-select").filter({ hasText: "状态" }).click();
  await page.getByTitle("待审核").click();
  const first = page.locator(".ant-table-row").first();
  await expect(first).toContainText("待审核"); // the filtered list, not the one before it

  // 生成班次: the client's check first, then one shift on a date 20 days ahead, 09:00–11:00.
  await first.getByRole("button", { name: "生成班次" }).click();
  const dialog = page.getByRole("dialog");
  const title = (await dialog.locator(".ant-modal-title").innerText()).replace("生成班次：", "").trim();
  await expect(dialog.getByText("同时审核通过")).toBeVisible();
  await dialog.getByLabel("名额").fill("");
  await dialog.getByRole("button", { name: "生成" }).click();
  await expect(dialog.getByText("名额为 1 到 200 的整数")).toBeVisible();
  await dialog.getByLabel("名额").fill("2");
  const day = districtDay(20);
  await chooseDayAndTime(page, dialog, day);
  await snap(page, "coordinator-need-shifts", LAPTOP);
  await dialog.getByRole("button", { name: "生成" }).click();
  await expect(page.getByText(new RegExp(`已为“${title}”生成 \\d+ 个班次`))).toBeVisible();
  await expect(dialog).toBeHidden();

  // The need is published now; the same date and time again is refused by the server (409).
  await page.locator(".ant-select").filter({ hasText: "待审核" }).click();
  await page.getByTitle("已发布").click();
  await page.getByPlaceholder("搜索").fill(title);
  await page.getByPlaceholder("搜索").press("Enter");
  const published = page.getByRole("row", { name: new RegExp(title) }).first();
  await expect(published).toContainText("已发布");
  await published.getByRole("button", { name: "生成班次" }).click();
  await chooseDayAndTime(page, dialog, day);
  await dialog.getByRole("button", { name: "生成" }).click();
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("无法生成班次");
  await expect(alert).toContainText(day);
  await dialog.getByRole("button", { name: "取消" }).click();

  // 合并为项目: tick two published needs, the client asks for a project, then a new project takes them.
  await page.getByPlaceholder("搜索").fill("");
  await page.getByPlaceholder("搜索").press("Enter");
  // The whole list again, loaded (rows other than the searched one), before ticking: a list still loading would be
  // replaced under the clicks.
  await expect(page.locator(".ant-table-row").filter({ hasNotText: title }).first()).toBeVisible();
  await expect(page.locator(".ant-table .ant-spin-spinning")).toHaveCount(0);
  const boxes = page.locator(".ant-table-row .ant-checkbox-input:not([disabled])");
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await expect(page.getByTestId("merge-needs")).toContainText("(2)");
  await page.getByTestId("merge-needs").click();
  const merge = page.getByRole("dialog");
  await expect(merge).toContainText("将 2 条需求合并为项目");
  // The form is there and the community's projects have loaded (the select no longer spins) before it is sent.
  await expect(merge.getByTestId("merge-form")).toBeVisible();
  await expect(merge.getByRole("img", { name: "loading" })).toHaveCount(0);
  await merge.getByRole("button", { name: "合并" }).click();
  await expect(merge.getByText("请选择项目")).toBeVisible();
  await merge.getByLabel("新建项目").check();
  await merge.getByLabel("项目名称").fill("冬季助老服务项目");
  await merge.getByPlaceholder("开始").click();
  await merge.getByPlaceholder("开始").fill(districtDay(1));
  await merge.getByPlaceholder("开始").press("Enter");
  await merge.getByPlaceholder("结束").fill(districtDay(60));
  await merge.getByPlaceholder("结束").press("Enter");
  await snap(page, "coordinator-merge-needs", LAPTOP);
  await merge.getByRole("button", { name: "合并" }).click();
  await expect(page.getByText("已合并到项目“冬季助老服务项目”")).toBeVisible();
  await snap(page, "coordinator-needs-dispatched", LAPTOP);
});
