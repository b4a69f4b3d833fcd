// Importing members (issue 13): the community coordinator uploads the community's own roster (a title row above the
// header, a column of ours missing, one bad phone), reads the check with nothing written, confirms, follows the
// worker to the end, and finds the new members on 志愿者, not yet activated.
import { expect, test } from "@playwright/test";
import { signIn, snap } from "./helpers";

test("a coordinator imports the community's roster", async ({ page }) => {
  await signIn(page, "shequ");
  const me = await (await page.request.get("/api/auth/me/")).json();
  const community = await (await page.request.get(`/api/communities/${me.community}/`)).json();
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

  await page.getByRole("menuitem", { name: "导入" }).click();
  await page.locator("input[type=file]").setInputFiles({ name: "花名册.csv", mimeType: "text/csv", buffer: Buffer.from(roster) });
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("将新增2");
  await expect(preview).toContainText("有错误1");
  await expect(page.getByRole("heading", { name: "花名册.csv" })).toBeVisible(); // the browser sent the file's name
  await expect(page.getByTestId("import-problems")).toContainText("手机号码");
  await snap(page, "import-check");

  await preview.getByRole("button", { name: "确认导入" }).click();
  await page.getByRole("dialog").getByRole("button", { name: /确\s*定/ }).click();
  const outcome = page.getByTestId("import-outcome");
  await expect(outcome).toContainText("导入结果"); // polled until the worker is done
  await expect(outcome).toContainText("已新增2");
  await expect(outcome).toContainText("已发送邀请2/ 2"); // polled while the invitations went out

  await page.getByRole("menuitem", { name: "志愿者" }).click();
  await page.getByPlaceholder("搜索").fill(names[0]);
  await page.getByPlaceholder("搜索").press("Enter");
  const row = page.locator(".ant-table-row", { hasText: names[0] });
  await expect(row).toContainText("未激活");
});
