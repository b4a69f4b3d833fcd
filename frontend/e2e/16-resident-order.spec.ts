// A resident orders without an account (点单, issue 14) on a phone, from the community's public page that its QR
// poster opens: what they need, where, their phone confirmed by an SMS code, and a tracking number. The order waits
// on the coordinator's 需求清单 as 待审核; once the community has completed it, the resident finds it by number and
// phone, sees it done and rates it (评单), and the rating is there when they look again.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import type { Schema } from "@/lib/api";
import { apiSignIn, body, chooseOption, LAPTOP, menu, signIn } from "./helpers";

const BACKEND = join(process.cwd(), "..", "backend");
const PYTHON = join(process.cwd(), "..", ".venv", "bin", "python");
const PHONE = { width: 390, height: 844 };

/** The SMS code the resident received. The console provider logs texts with the code hidden, so the test, holding the
 * server's database (scripts/e2e.sh exports it), gives the number's newest open order code a value it knows. */
function knownOrderCode(phone: string, code: string) {
  const script = [
    "from accounts.models import PhoneCode, code_digest",
    "from core.phones import phone_normalize",
    `row = PhoneCode.objects.filter(phone=phone_normalize("${phone}"), purpose="order", used_at=None).latest("created_at")`,
    `row.code_digest = code_digest("phone_code.order", "${code}")`,
    "row.save(update_fields=['code_digest'])",
  ].join("\n");
  execFileSync(PYTHON, ["manage.py", "shell", "-c", script], {
    cwd: BACKEND,
    env: { ...process.env, DJANGO_SETTINGS_MODULE: process.env.DJANGO_SETTINGS_MODULE ?? "config.settings.local" },
    encoding: "utf8",
  });
}

/** The form item labelled `label` (the label exactly). */
function formItem(page: Page, label: string): Locator {
  return page.locator(".ant-form-item").filter({ has: page.locator("label", { hasText: new RegExp(`^${label}$`) }) });
}

test("a resident orders on a phone, and rates the service once the community has done it", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const tag = Date.now() % 100_000;
  const title = `请人帮忙修理楼道灯 ${tag}`;
  // a number of this repetition (the per-number code limits count across repetitions)
  const phone = `139${String(tag).padStart(5, "0")}${String(Math.floor(Math.random() * 900) + 100)}`;
  const request = await playwright.request.newContext({ baseURL });
  const headers = await apiSignIn(request, baseURL!, "shequ");
  const me = await body<Schema<"Me">>(request.get("/api/auth/me/"));

  // The resident, not signed in, opens the poster's link on a phone
  const resident = await browser.newContext({ viewport: PHONE, locale: "zh-CN", baseURL });
  const page = await resident.newPage();
  await page.goto(`/order/${me.community}`);
  await expect(page.getByRole("heading", { name: "居民点单" })).toBeVisible();
  await chooseOption(page, formItem(page, "需求类别"), "为老服务");
  await chooseOption(page, formItem(page, "需求类型"), "服务");
  await page.getByLabel("需要什么帮助").fill(title);
  await page.getByLabel("详细说明").fill("三单元二楼的灯坏了一周，晚上老人上下楼看不清。");
  await page.getByLabel("服务地址（楼栋、单元、门牌）").fill("百花小区 3 号楼 3 单元");
  await page.getByLabel("怎么称呼您").fill("王阿姨");
  await page.getByLabel("手机号").fill(phone);
  // the code goes by SMS; a wrong one is refused on its field, the right one places the order
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByText("验证码已通过短信发送，请查收。")).toBeVisible();
  knownOrderCode(phone, "246810");
  await page.getByLabel("短信验证码").fill("135790");
  await page.getByRole("button", { name: "提交需求" }).click();
  await expect(page.locator(".ant-form-item-explain-error, [role=alert]").first()).toBeVisible();
  await page.getByLabel("短信验证码").fill("246810");
  await page.getByRole("button", { name: "提交需求" }).click();
  const number = page.getByTestId("tracking-no");
  await expect(number).toHaveText(/^[A-Z0-9]{10}$/);
  const trackingNo = (await number.textContent())!.trim();
  await page.screenshot({ path: "e2e/screenshots/resident-order-phone.png", fullPage: true });

  // The coordinator finds it waiting for review on 需求清单
  const desk = await browser.newContext({ viewport: LAPTOP, locale: "zh-CN", baseURL });
  const coordinator = await desk.newPage();
  await signIn(coordinator, "shequ");
  await menu(coordinator, "需求清单").click();
  await coordinator.getByPlaceholder(/搜索/).fill(title);
  const row = coordinator.locator(".ant-table-row", { hasText: title });
  await expect(row).toBeVisible();
  await expect(row.getByText("待审核")).toBeVisible();
  await desk.close();

  // The community publishes it, a volunteer group serves it, and it is completed (the need's own flow)
  const needs = await body<Schema<"PaginatedNeedList">>(request.get("/api/needs/", { params: { search: title } }));
  const need = needs.results.find((found) => found.title === title)!;
  for (const status of ["published", "claimed", "in_service", "completed"]) {
    const moved = await request.post(`/api/needs/${need.id}/transition/`, { headers, data: { status } });
    expect(moved.status(), await moved.text()).toBe(200);
  }

  // Later, the resident looks it up by number and phone, sees it done and rates it
  await page.goto(`/track`);
  await page.getByLabel("查询单号").fill(trackingNo);
  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText("服务已完成，请为本次服务评价")).toBeVisible();
  await page.getByRole("radio").nth(4).click(); // the fifth star
  await page.getByLabel("评价内容（可不填）").fill("第二天就修好了，谢谢！");
  await page.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByText("感谢您的评价！")).toBeVisible();
  // and looking again, the rating is the one given
  await page.getByRole("button", { name: "查询其他单号" }).click();
  await page.getByLabel("查询单号").fill(trackingNo);
  await page.getByLabel("手机号").fill(phone);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText("您的评价：")).toBeVisible();
  const rated = await body<Schema<"Need">>(request.get(`/api/needs/${need.id}/`));
  expect([rated.status, rated.rating_score, rated.rating_comment]).toEqual(["rated", 5, "第二天就修好了，谢谢！"]);
  await resident.close();
});
