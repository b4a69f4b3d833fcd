// A volunteer takes an open seat of a published plan on a phone (issue 14). The state is the test's own, made through
// the API as people make it: the demo volunteer marks a Saturday six weeks ahead as away; the coordinator adds a
// one-seat shift that Saturday asking for the volunteer's own skills, runs that week's matching (no other test plans
// it) and publishes the plan with the seat open; the volunteer's plans change and the Saturday is free again. On
// 可认领岗位 the seat is theirs to take: they claim it, it leaves the list for 我的岗位, and a second claim is refused.
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { Schema } from "@/lib/api";
import { addDays, apiSignIn, body, districtMonday, signIn } from "./helpers";

/** The run, once its worker has finished it (done, else the test fails on the status it ended in). */
async function finished(request: APIRequestContext, runId: number) {
  let run: Schema<"MatchingRunOutput"> | undefined;
  await expect
    .poll(
      async () => (run = await body<Schema<"MatchingRunOutput">>(request.get(`/api/planning/runs/${runId}/`))).status,
      { timeout: 240_000 },
    )
    .toMatch(/^(done|failed|cancelled)$/);
  expect(run!.status, run!.message).toBe("done");
  return run!;
}

test("a volunteer claims an open seat of the published plan on a phone", async ({ browser, playwright, baseURL }) => {
  // A matching run on the worker meanwhile: the budget holds it (a guard against a hang, not a wait).
  test.setTimeout(300_000);
  const tag = Date.now() % 100_000;
  const title = `周六社区政策宣讲 ${tag}`;
  const week = districtMonday(6);
  const saturday = addDays(week, 5);

  // The volunteer is away that Saturday, so the matching cannot give them the seat
  const mine = await playwright.request.newContext({ baseURL });
  const myHeaders = await apiSignIn(mine, baseURL!, "zhiyuanzhe");
  const me = await body<Schema<"Me">>(mine.get("/api/auth/me/"));
  const away = await mine.post("/api/blackouts/", {
    headers: myHeaders,
    data: { volunteer: me.volunteer, start: `${saturday}T00:00:00+08:00`, end: `${saturday}T23:59:00+08:00` },
  });
  expect(away.status(), await away.text()).toBe(201);
  const blackout = await body<Schema<"Blackout">>(away);

  // The coordinator's shift that Saturday morning (in the volunteer's weekly hours, at the community's place), one
  // seat asking for the volunteer's skills, which the matching gives to nobody else: published with the seat open
  const desk = await playwright.request.newContext({ baseURL });
  const headers = await apiSignIn(desk, baseURL!, "shequ");
  const coordinator = await body<Schema<"Me">>(desk.get("/api/auth/me/"));
  const community = await body<Schema<"Community">>(desk.get(`/api/communities/${coordinator.community}/`));
  const made = await desk.post("/api/shifts/", {
    headers,
    data: {
      community: community.id,
      title,
      start: `${saturday}T09:00:00+08:00`,
      end: `${saturday}T11:00:00+08:00`,
      seats: 1,
      required_skills: { policy_publicity: 3, photography: 2 },
      lat: community.lat,
      lng: community.lng,
    },
  });
  expect(made.status(), await made.text()).toBe(201);
  const shift = await body<Schema<"Shift">>(made);
  const started = await desk.post("/api/planning/runs/", { headers, data: { week, community: community.id } });
  expect(started.status(), await started.text()).toBe(202);
  const run = await finished(desk, (await body<Schema<"MatchingRunOutput">>(started)).id);
  const unfilled = await body<Schema<"PaginatedUnfilledSeatOutputList">>(
    desk.get(`/api/planning/runs/${run.id}/unfilled/`, { params: { page_size: 200 } }),
  );
  expect(unfilled.results.find((seat) => seat.shift === shift.id)?.missing).toBe(1);
  const published = await desk.post(`/api/planning/runs/${run.id}/publish/`, { headers });
  expect(published.status(), await published.text()).toBe(200);

  // The volunteer's Saturday is free again: the seat is open to them, and to no one else who keeps its rules
  const back = await mine.delete(`/api/blackouts/${blackout.id}/`, { headers: myHeaders });
  expect(back.status(), await back.text()).toBe(204);

  // On a phone, the volunteer finds the seat on 可认领岗位 and claims it
  // (the context has the suite's other options: playwright.config.ts)
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  await signIn(page, "zhiyuanzhe");
  await page.goto("/open-seats");
  await expect(page.getByRole("heading", { name: "可认领岗位" })).toBeVisible();
  const seat = page.getByTestId("open-seat").filter({ hasText: title });
  await expect(seat).toBeVisible();
  await expect(seat.getByText("空缺 1")).toBeVisible();
  await expect(seat.getByText(community.name)).toBeVisible();
  await seat.getByRole("button", { name: "认领" }).click();
  await expect(page.getByText("认领成功，已加入“我的岗位”")).toBeVisible();
  await expect(seat).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/volunteer-seat-claimed-phone.png", fullPage: true });

  // The seat is theirs, accepted, in the published plan; it is open to nobody now, and a second claim is refused
  const posts = await body<Schema<"PaginatedMyPostList">>(
    mine.get("/api/me/posts/", { params: { from: week, to: addDays(week, 6) } }),
  );
  const post = posts.results.find((found) => found.shift === shift.id);
  expect(post?.status).toBe("accepted");
  const open = await body<Schema<"OpenSeat">[]>(mine.get("/api/volunteering/open-seats/"));
  expect(open.map((found) => found.shift)).not.toContain(shift.id);
  const again = await mine.post(`/api/volunteering/open-seats/${shift.id}/claim/`, { headers: myHeaders });
  expect(again.status()).toBe(409);
  expect((await body<Schema<"Error">>(again)).extra.code).toBe("already_on_shift");
  await phone.close();
});
