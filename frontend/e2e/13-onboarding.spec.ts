// Getting in (issue 13): the district administrator creates a community coordinator on 用户与权限 (the phone the
// invitation goes to; not yet activated), and a volunteer whose login was reset activates from the invitation's
// link on a phone: a password, the phone confirmed, the privacy notice accepted, then signed in on 我的岗位.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { chooseOption, menu, signIn, snap } from "./helpers";

const BACKEND = join(process.cwd(), "..", "backend");
const PYTHON = join(process.cwd(), "..", ".venv", "bin", "python");

/** A seeded volunteer's login reset as the administrator's 重置登录 does it, on the server's own database
 * (scripts/e2e.sh exports it): the invitation's token, which only the SMS carries (the console provider logs it
 * masked), and the volunteer's number. Not the demo volunteer: other scenarios sign in as them. */
type Invitation = { token: string; phone: string; name: string };

function resetVolunteerLogin(): Invitation {
  const code = [
    "import json",
    "from accounts import services",
    "from accounts.models import User",
    "user = User.objects.filter(role='volunteer', is_active=True).exclude(phone='').exclude(username='zhiyuanzhe').order_by('pk').first()",
    "invitation = services.user_login_reset(user=user)",
    "print(json.dumps({'token': invitation.token, 'phone': user.phone, 'name': user.display_name}))",
  ].join("\n");
  const out = execFileSync(PYTHON, ["manage.py", "shell", "-c", code], {
    cwd: BACKEND,
    env: { ...process.env, DJANGO_SETTINGS_MODULE: process.env.DJANGO_SETTINGS_MODULE ?? "config.settings.local" },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as Invitation;
}

test("the administrator creates a community coordinator", async ({ page }) => {
  await signIn(page, "admin");
  await menu(page, "用户与权限").click();
  await expect(page.locator(".ant-table-row").first()).toBeVisible();
  await page.getByRole("button", { name: "新建账号" }).click();
  const dialog = page.getByRole("dialog");
  // a name and phone of this repetition (phones are unique among active accounts; rounds share nothing, repetitions do)
  const tag = String(Date.now() % 100_000_000).padStart(8, "0");
  const name = `周洁${tag.slice(-4)}`;
  await dialog.getByLabel("姓名").fill(name);
  await chooseOption(page, dialog.locator(".ant-form-item", { hasText: "角色" }), "社区协调员");
  await chooseOption(page, dialog.locator(".ant-form-item", { hasText: "所属社区" }), "百花社区");
  await dialog.getByLabel("手机号").fill(`139${tag}`);
  await dialog.getByRole("button", { name: "创建并发送邀请" }).click();
  await expect(page.getByText(`已创建 ${name} 的账号，激活邀请已发送。`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await page.getByPlaceholder("搜索").fill(name);
  await page.getByPlaceholder("搜索").press("Enter");
  const row = page.locator(".ant-table-row", { hasText: name });
  await expect(row).toContainText("社区协调员");
  await expect(row).toContainText("未激活");
  await snap(page, "admin-users");
});

test("a volunteer activates from the invitation on a phone", async ({ browser }) => {
  const invited = resetVolunteerLogin();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`/activate/${invited.token}`);
  await expect(page.getByText(`${invited.name}，您好！`, { exact: false })).toBeVisible();
  await page.getByLabel("新密码", { exact: true }).fill("Qiang-2026-e2e!");
  await page.getByLabel("再次输入新密码").fill("Qiang-2026-e2e!");
  await page.getByLabel("确认手机号").fill(invited.phone);
  await page.getByRole("checkbox", { name: "我已阅读并同意隐私声明" }).check();
  await page.screenshot({
    path: "e2e/screenshots/volunteer-activate-phone.png",
    fullPage: true,
    animations: "disabled",
  });
  await page.getByRole("button", { name: "激活并登录" }).click();
  await expect(page).toHaveURL(/\/my\/posts$/);
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await context.close();
});
