// A volunteer on the published plan sees the post and declines it; the coordinator then hears of the backfill.
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { Schema } from "@/lib/api";
import { apiSignIn, body, signIn, signOut, snap } from "./helpers";

/** A volunteer login with a post in the published plan still open to answers (the seeded volunteer if so, else the
 * first one). */
async function volunteerOnThePlan(request: APIRequestContext, baseURL: string): Promise<string> {
  const headers = await apiSignIn(request, baseURL, "shequ");
  const runs = await body<Schema<"PaginatedMatchingRunOutputList">>(request.get("/api/planning/runs/?published=true"));
  const run = runs.results[0];
  const rows = await body<Schema<"PaginatedAssignmentOutputList">>(
    request.get(`/api/planning/runs/${run.id}/assignments/?page_size=200`),
  );
  // Answers close a day before a shift starts (VOLUNTEERING_ANSWER_DEADLINE_HOURS): only posts that start more than
  // a day and a half from now can still be declined, whatever the hour this runs at.
  const open = (a: { shift_start: string }) => new Date(a.shift_start).getTime() > Date.now() + 36 * 3_600_000;
  const numbers = rows.results.filter(open).map((a) => a.volunteer_number);
  expect(numbers.length, "the published plan has posts still open to answers").toBeGreaterThan(0);
  await request.post("/api/auth/logout/", { headers });
  return numbers.includes("ZY0000001") ? "zhiyuanzhe" : numbers[0];
}

test(
  "a volunteer declines a post and the coordinator sees the backfill",
  { tag: "@smoke" },
  async ({ page, playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const username = await volunteerOnThePlan(request, baseURL!);
    await request.dispose();

    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, username);
    await expect(page).toHaveURL(/\/my\/posts$/);
    await expect(page.getByTestId("my-post").first()).toBeVisible();
    // the first post still open to answers (this week's earlier ones may have closed already)
    const post = page
      .getByTestId("my-post")
      .filter({ has: page.getByRole("button", { name: "婉拒" }) })
      .first();
    await expect(post).toBeVisible();
    await snap(page, "volunteer-my-posts");
    // The same posts on a week calendar, opened on the week of the next one.
    await page.locator(".ant-segmented").getByText("日历").click();
    await expect(page.getByTestId("my-posts-week-item").first()).toBeVisible();
    await snap(page, "volunteer-my-posts-calendar");

    await page.goto("/my/calendar");
    await expect(page.getByTestId("calendar-url")).toHaveValue(/\/api\/calendar\/.+\.ics$/);
    await snap(page, "volunteer-calendar");
    await page.goto("/my/hours");
    await expect(page.getByRole("heading", { name: "我的服务时长" })).toBeVisible();
    await snap(page, "volunteer-hours");
    await page.goto("/inbox");
    await expect(page.getByTestId("notification").first()).toBeVisible();
    await snap(page, "volunteer-inbox");

    // The profile: limits and consents saved; the weekly availability grid saved.
    await page.goto("/my/profile");
    const profile = page.getByTestId("profile-form");
    await expect(profile).toBeVisible();
    await profile.getByLabel("每周时长上限").fill("99");
    await profile.getByRole("button", { name: "保存" }).click();
    await expect(profile.getByText("每周时长在 0 到 60 小时之间")).toBeVisible();
    await profile.getByLabel("每周时长上限").fill("8");
    // the error goes (its line folds away and moves the button up) before the click: a click during the fold can miss
    await expect(profile.getByText("每周时长在 0 到 60 小时之间")).toHaveCount(0);
    await profile.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存").first()).toBeVisible();
    const cell = page.getByRole("checkbox", { name: "周日 20:00" });
    const wasOn = (await cell.getAttribute("aria-checked")) === "true";
    await cell.click();
    await expect(cell).toHaveAttribute("aria-checked", String(!wasOn));
    await page.getByRole("button", { name: "保存空闲时间" }).click();
    await expect(page.getByText("空闲时间已保存")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "周日 20:00" })).toHaveAttribute("aria-checked", String(!wasOn));
    await snap(page, "volunteer-profile");

    // A check-in code that is not a shift's: the server's refusal is shown.
    await page.goto("/check-in?token=not-a-real-token");
    await expect(page.getByLabel("签到码")).toHaveValue("not-a-real-token");
    await page.getByRole("button", { name: "签到", exact: true }).click();
    // (the server names the token field, so its message sits under the field; otherwise in an alert)
    await expect(page.locator(".ant-form-item-explain-error, .ant-alert-error").first()).toBeVisible();
    await snap(page, "volunteer-check-in-refused");

    await page.goto("/my/posts");
    await expect(post).toBeVisible();
    // the card is named by its title and time, which stay when its buttons go
    const declined = page
      .getByTestId("my-post")
      .filter({ hasText: await post.getByTestId("panel-title").innerText() })
      .filter({ hasText: await post.locator("strong").first().innerText() });
    await post.getByRole("button", { name: "婉拒" }).click();
    await page.getByLabel("原因（可选）").fill("本周家中有事，无法参加。");
    await page.getByRole("dialog").getByRole("button", { name: "婉拒" }).click();
    await expect(page.getByText("已婉拒，协调员会安排他人补位。")).toBeVisible();
    await expect(declined.getByText("已婉拒")).toBeVisible();
    // The backfill starts on the worker now; the sign-out and sign-in below may write at the same moment (on SQLite
    // each transaction waits for the write lock: base.py's transaction_mode IMMEDIATE and timeout).
    await signOut(page);

    // The backfill runs on the worker; its report reaches the run's coordinator.
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, "shequ");
    await page.goto("/inbox");
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(/已自动补位|补位未成功/).first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await snap(page, "coordinator-inbox-backfill");
    await page
      .getByTestId("notification")
      .filter({ hasText: /补位/ })
      .first()
      .getByRole("link", { name: "查看" })
      .click();
    await expect(page).toHaveURL(/\/runs\/\d+$/);
    await expect(page.getByTestId("published-tag")).toBeVisible();
  },
);
