// Service records and unit ledgers: the demo volunteer sees their hours and stars (and the entry awaiting review);
// the coordinator approves that manual entry and it leaves the review list; the coordinator opens a unit's ledger
// of last month; the unit representative sees the consenting members' service with totals; the coordinator
// opens a volunteer's profile and record from the volunteers list.
import { expect, test } from "@playwright/test";
import { LAPTOP, menu, signIn, signOut, snap } from "./helpers";

test("a volunteer sees hours and stars, a coordinator approves the manual entry and opens a unit ledger", async ({
  page,
}) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "zhiyuanzhe");
  await menu(page, "我的时长").click();
  const summary = page.getByTestId("record-summary");
  await expect(summary).toBeVisible();
  await expect(summary.locator('[aria-label="1 星"]')).toBeVisible(); // over 100 approved hours: the first star
  await expect(summary.getByText(/距 2 星还差/)).toBeVisible();
  await expect(page.getByText("社区义诊志愿服务").first()).toBeVisible(); // awaiting review, listed
  await snap(page, "volunteer-records", LAPTOP);
  await signOut(page);

  await signIn(page, "shequ");
  await menu(page, "服务记录审核").click();
  const row = page.getByRole("row", { name: /社区义诊志愿服务/ });
  await expect(row).toBeVisible();
  await snap(page, "coordinator-record-review", LAPTOP);
  await row.getByRole("button", { name: "通过" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "通过" }).click();
  await expect(page.getByText("已通过，时长开始计入。")).toBeVisible();
  await expect(page.getByRole("row", { name: /社区义诊志愿服务/ })).toHaveCount(0);

  await menu(page, "驻区单位台账").click();
  const ledger = page.locator(".ant-table-row").first();
  await expect(ledger).toBeVisible();
  await snap(page, "coordinator-ledgers", LAPTOP);
  await ledger.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/ledgers\/\d+$/);
  await expect(page.getByText("← 返回台账列表")).toBeVisible();
  await snap(page, "coordinator-ledger-detail", LAPTOP);
});

test("a unit representative sees the consenting members' service", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "danwei");
  await menu(page, "成员服务记录").click();
  const records = page.getByTestId("unit-records");
  await expect(records.getByRole("heading", { name: "在职党员服务记录" })).toBeVisible();
  await expect(records.getByRole("cell", { name: "ZY0000001" })).toBeVisible(); // the demo volunteer consented
  await snap(page, "unit-member-records", LAPTOP);
});

test("a coordinator opens a volunteer's profile and record", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await signIn(page, "shequ");
  await menu(page, "志愿者").click();
  await page.getByPlaceholder("搜索").fill("ZY0000001");
  await page.getByPlaceholder("搜索").press("Enter");
  await page
    .getByRole("row", { name: /ZY0000001/ })
    .getByRole("button", { name: "档案" })
    .click();
  const drawer = page.getByTestId("volunteer-drawer");
  await expect(drawer.getByText("每周可服务时间")).toBeVisible();
  await expect(drawer.getByTestId("volunteer-availability")).toContainText(/周三\s*19:00–2\d:\d\d/); // Wednesday evening (02's grid may have snapped it to the hour)
  await expect(drawer.getByText("累计时长（已通过）")).toBeVisible();
  await expect(drawer.getByText("政策宣传岗").first()).toBeVisible();
  await snap(page, "coordinator-volunteer-profile", LAPTOP);
});
