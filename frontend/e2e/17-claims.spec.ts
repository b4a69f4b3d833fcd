// A volunteer takes a micro-wish (微心愿, issue 14) on a phone: a coordinator has published a small wish of a resident;
// the volunteer finds it on the wall, claims it, and it leaves the wall; the need is now claimed with them as its
// taker (接单), and a second claim is refused as already taken.
import { expect, test } from "@playwright/test";
import type { Schema } from "@/lib/api";
import { apiSignIn, body, signIn } from "./helpers";

test("a volunteer claims a micro-wish on a phone", async ({ browser, playwright, baseURL }) => {
  const tag = Date.now() % 100_000;
  const title = `给独居的李奶奶送一台收音机 ${tag}`;
  const request = await playwright.request.newContext({ baseURL });
  const headers = await apiSignIn(request, baseURL!, "shequ");
  const me = await body<Schema<"Me">>(request.get("/api/auth/me/"));
  const filed = await request.post("/api/needs/", {
    headers,
    data: {
      title,
      description: "李奶奶眼睛不好，想听广播。",
      source: "community",
      category: "elderly",
      type: "object",
      community: me.community,
      is_micro_wish: true,
      urgency: 5,
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const need = await body<Schema<"Need">>(filed);
  const published = await request.post(`/api/needs/${need.id}/transition/`, { headers, data: { status: "published" } });
  expect(published.status(), await published.text()).toBe(200);

  // the volunteer, on a phone, finds the wish on the wall and claims it
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN", baseURL });
  const page = await phone.newPage();
  await signIn(page, "zhiyuanzhe");
  await page.goto("/wishes");
  await expect(page.getByRole("heading", { name: "微心愿" })).toBeVisible();
  const wish = page.getByTestId("wish").filter({ hasText: title });
  await expect(wish).toBeVisible();
  await expect(wish.getByText("为老服务")).toBeVisible();
  await wish.getByRole("button", { name: "认领心愿" }).click();
  await expect(page.getByText("认领成功，社区会与您联系")).toBeVisible();
  await expect(wish).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/volunteer-wish-claimed-phone.png", fullPage: true });

  // the need is claimed, its taker the volunteer; a second claim is refused as taken
  const claimed = await body<Schema<"Need">>(request.get(`/api/needs/${need.id}/`));
  expect(claimed.status).toBe("claimed");
  expect(claimed.taker).toBeTruthy();
  const again = await page.request.post(`/api/volunteering/wishes/${need.id}/claim/`, {
    headers: { "X-CSRFToken": (await phone.cookies()).find((c) => c.name === "csrftoken")?.value ?? "" },
  });
  expect(again.status()).toBe(409);
  await phone.close();
});
