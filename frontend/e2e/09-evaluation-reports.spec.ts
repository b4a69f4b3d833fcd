// Records reach people (issue 6): a coordinator exports service records through the worker and downloads the file,
// opens a democratic appraisal round whose one-time code a representative uses without an account (once), sees the
// year's evaluation ranking and the trends; feedback to employers is written by the worker and the unit's
// representative downloads the unit's report; a volunteer exports their own records from 我的时长.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { LAPTOP, menu, signIn, signOut, snap } from "./helpers";

/** Clicks the job's download link and returns the downloaded file's text. */
async function download(page: Page, link: ReturnType<Page["getByRole"]>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, "utf-8") };
}

test(
  "a coordinator exports the service records and downloads the file the worker wrote",
  { tag: "@smoke" },
  async ({ page }) => {
    await page.setViewportSize(LAPTOP);
    await signIn(page, "shequ");
    await menu(page, "导出").click();
    await expect(page.getByRole("heading", { name: "导出" })).toBeVisible();
    const form = page.getByRole("form", { name: "新建导出" });
    await form.getByLabel("导出内容").click();
    await page.getByTitle("服务记录", { exact: true }).click();
    await form.getByRole("button", { name: "开始导出" }).click();
    await expect(form.getByText("已提交，正在排队生成文件")).toBeVisible();

    const link = page.getByRole("link", { name: /下载/ }).first();
    await expect(link).toBeVisible({ timeout: 60_000 }); // written by the Celery worker
    await expect(page.getByText("已完成").first()).toBeVisible();
    await snap(page, "coordinator-exports", LAPTOP);
    const { name, text } = await download(page, link);
    expect(name).toMatch(/\.csv$/);
    expect(text.split("\n")[0]).toContain("志愿者编号,志愿者,手机号"); // the header, in Chinese
    expect(text).toContain("ZY0000001"); // the demo volunteer's approved records
    expect(text).not.toMatch(/\b1\d{10}\b/); // phones masked
  },
);

test("an appraisal code opens the public ballot once, and the round counts it", async ({ page, browser }, testInfo) => {
  const title = `端到端测评 ${testInfo.repeatEachIndex + 1}`; // its own row when the test is repeated (--repeat-each)
  await page.setViewportSize(LAPTOP);
  await signIn(page, "shequ");
  await menu(page, "民主测评").click();
  await expect(page.getByRole("heading", { name: "民主测评" })).toBeVisible();
  await page.getByRole("button", { name: "新建测评" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("测评名称").fill(title);
  await dialog.getByLabel("参评单位").click();
  const options = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option");
  const chosen = dialog.locator(".ant-form-item", { hasText: "参评单位" }).locator(".ant-select-selection-item");
  // until the field shows a unit: under load a click can land while the list re-renders as the units arrive, and
  // select nothing (CI saw the list open, nothing chosen); a second click on a chosen unit would unchoose it, so
  // click only while none is shown
  await expect(async () => {
    if ((await chosen.count()) === 0) await options.first().click();
    await expect(chosen.first()).toBeVisible({ timeout: 2_000 }); // the tag (the responsive field also keeps a copy to measure)
  }).toPass();
  // close the list by a click on the dialog's title: Escape would close the dialog too if the list had closed already
  await dialog.getByText("新建测评", { exact: true }).click();
  await expect(options).toHaveCount(0);
  await dialog.getByLabel("选票数").fill("2");
  await dialog.getByRole("button", { name: "生成测评码" }).click();
  const codes = page.getByTestId("appraisal-codes");
  await expect(codes.getByTestId("ballot-code")).toHaveCount(2);
  const code = (await codes.getByTestId("ballot-code").first().innerText()).trim();
  await snap(page, "coordinator-appraisal-codes", LAPTOP);

  // a representative, not signed in, on a phone
  const guest = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
  const ballot = await guest.newPage();
  await ballot.goto(`/appraisal/${code}`);
  await expect(ballot.getByRole("heading", { name: title })).toBeVisible();
  await ballot.getByRole("button", { name: "提交测评" }).click();
  await expect(ballot.getByText(/请评价每一个单位/)).toBeVisible(); // nothing rated yet: refused before sending
  for (const group of await ballot.getByRole("radiogroup").all()) {
    await group.getByText("满意", { exact: true }).click();
  }
  await ballot.screenshot({ path: "e2e/screenshots/appraisal-ballot-phone.png", fullPage: true });
  await ballot.getByRole("button", { name: "提交测评" }).click();
  await expect(ballot.getByText("提交成功，感谢您的参与！")).toBeVisible();
  await ballot.goto(`/appraisal/${code}`);
  await expect(ballot.getByText("无法打开测评")).toBeVisible(); // a code is used once
  await guest.close();

  await codes.getByRole("button", { name: "完成" }).click();
  await page.reload(); // the rounds as the server counts them now
  const row = page.getByRole("row", { name: new RegExp(`^${title} `) });
  await expect(row).toContainText("1 / 2");
  await row.getByRole("button", { name: "结果" }).click();
  const results = page.getByRole("dialog");
  await expect(results.getByRole("cell", { name: "100.0%" })).toBeVisible();
});

test("a coordinator sees the year's evaluation ranking and the trends", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "shequ");
  await menu(page, "年度考评").click();
  await expect(page.getByRole("heading", { name: "年度考评" })).toBeVisible();
  await expect(page.getByText("优秀").first()).toBeVisible(); // the demo's computed results: one unit excellent
  await expect(page.locator(".ant-table-row")).not.toHaveCount(0);
  await snap(page, "coordinator-evaluation", LAPTOP);

  await menu(page, "趋势").click();
  await expect(page.getByRole("heading", { name: "趋势" })).toBeVisible();
  await expect(page.getByTestId("missing-skills")).toBeVisible();
  await expect(page.locator("canvas").first()).toBeVisible(); // ECharts drew
  await snap(page, "coordinator-trends", LAPTOP);
});

test("feedback to employers is written by the worker and the unit downloads its report", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "shequ");
  await menu(page, "单位反馈报告").click();
  await page.getByRole("button", { name: "生成报告" }).click();
  await expect(page.getByText(/已排队：\d+ 个单位/)).toBeVisible();
  await expect(async () => {
    await page.getByRole("button", { name: "刷新" }).click();
    await expect(page.locator(".ant-table-row").first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await snap(page, "coordinator-feedback-reports", LAPTOP);
  await signOut(page);

  await signIn(page, "danwei");
  await menu(page, "单位反馈报告").click();
  const row = page.locator(".ant-table-row").first();
  await expect(row).toBeVisible();
  await expect(page.getByRole("button", { name: "生成报告" })).toHaveCount(0); // units read, coordinators write
  await snap(page, "unit-feedback-reports", LAPTOP);
  const [file] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: /XLSX/ }).click()]);
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = readFileSync(await file.path());
  expect(bytes.subarray(0, 2).toString()).toBe("PK"); // a real XLSX (a zip)

  await menu(page, "年度考评").click();
  await expect(page.getByRole("heading", { name: "年度考评" })).toBeVisible();
  await expect(page.getByRole("button", { name: "计算考评" })).toHaveCount(0);
});

test("a volunteer exports their own service records from 我的时长", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "zhiyuanzhe");
  await page.goto("/my/hours");
  const card = page.getByTestId("my-records-export");
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: "开始导出" }).click();
  const link = card.getByRole("link", { name: /下载/ }).first();
  await expect(link).toBeVisible({ timeout: 60_000 });
  const { text } = await download(page, link);
  expect(text).toContain("ZY0000001");
  await page.screenshot({ path: "e2e/screenshots/volunteer-records-export-phone.png", fullPage: true });
});
