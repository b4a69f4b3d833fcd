// Importing members (issue 13): the community coordinator uploads the community's own roster (a title row above the
// header, a column of ours missing, one bad phone), reads the check with nothing written, confirms, follows the
// worker to the end, and finds the new members on 志愿者, not yet activated. Then a sheet of rooms (资源): the kind's
// template offered, one bad row named by its column, and the check cancelled with nothing written.
import { expect, test } from "@playwright/test";
import type { Schema } from "@/lib/api";
import { body, menu, signIn, snap } from "./helpers";

test("a coordinator imports the community's roster", async ({ page }) => {
  await signIn(page, "shequ");
  const me = await body<Schema<"Me">>(page.request.get("/api/auth/me/"));
  const community = await body<Schema<"Community">>(page.request.get(`/api/communities/${me.community}/`));
  // Names and phones of this repetition (the database is shared by the rounds' repetitions).
  const tag = String(Date.now() % 1_000_000).padStart(6, "0");
  const names = [`导入甲${tag}`, `导入乙${tag}`, `导入丙${tag}`];
  const roster = [
    `${community.name}党员花名册,,,,,`,
    "序号,姓名,类别,所在社区,手机号码,工作单位",
    `1,${names[0]},在职党员,${community.name},139 ${tag.slice(0, 4)} ${tag.slice(4)}01,中原区财政局`,
    `2,${names[1]},退休党员,${community.name},+86 138${tag}02,`,
    `3,${names[2]},在职党员,${community.name},1234,中原区财政局`,
  ].join("\n");

  await menu(page, "导入").click();
  await page
    .locator("input[type=file]")
    .setInputFiles({ name: "花名册.csv", mimeType: "text/csv", buffer: Buffer.from(roster) });
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("将新增2");
  await expect(preview).toContainText("有错误1");
  await expect(page.getByRole("heading", { name: "花名册.csv" })).toBeVisible(); // the browser sent the file's name
  await expect(page.getByTestId("import-problems")).toContainText("手机号码");
  await snap(page, "import-check");

  await preview.getByRole("button", { name: "确认导入" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /确\s*定/ })
    .click();
  const outcome = page.getByTestId("import-outcome");
  await expect(outcome).toContainText("导入结果"); // polled until the worker is done
  await expect(outcome).toContainText("已新增2");
  await expect(outcome).toContainText("已发送邀请2/ 2"); // polled while the invitations went out

  await menu(page, "志愿者").click();
  await page.getByPlaceholder("搜索").fill(names[0]);
  await page.getByPlaceholder("搜索").press("Enter");
  const row = page.locator(".ant-table-row", { hasText: names[0] });
  await expect(row).toContainText("未激活");
});

test("a coordinator checks a sheet of the community's rooms, then cancels it", async ({ page }) => {
  await signIn(page, "shequ");
  const me = await body<Schema<"Me">>(page.request.get("/api/auth/me/"));
  const community = await body<Schema<"Community">>(page.request.get(`/api/communities/${me.community}/`));
  const tag = String(Date.now() % 1_000_000).padStart(6, "0");
  const rooms = [
    "资源名称,类别,所在社区,容量",
    `活动室${tag},场地,${community.name},30`,
    `会议室${tag},会场,${community.name},10`,
  ].join("\n");

  await menu(page, "导入").click();
  await page.getByRole("combobox", { name: "导入内容" }).click();
  await page.getByTitle("资源", { exact: true }).click();
  await expect(page.getByRole("link", { name: /下载资源模板/ })).toHaveAttribute(
    "href",
    "/api/imports/template/?kind=resources",
  );
  await page
    .locator("input[type=file]")
    .setInputFiles({ name: "资源.csv", mimeType: "text/csv", buffer: Buffer.from(rooms) });
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("将新增1");
  await expect(page.getByTestId("import-problems")).toContainText("资源类别");

  await preview.getByRole("button", { name: "取消导入" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /确\s*定/ })
    .click();
  await expect(page.getByTestId("import-outcome")).toContainText("该导入已取消");
  const found = await body<Schema<"PaginatedResourceList">>(page.request.get(`/api/resources/?search=${tag}`));
  expect(found.count).toBe(0); // nothing was written
});
