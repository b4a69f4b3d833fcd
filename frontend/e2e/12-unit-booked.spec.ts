// A unit lists a hall with a free Wednesday morning; a project of its community needs a hall that big on Wednesdays;
// the week's shifts are generated, matched and published (through the API, as the coordinators' tests do it in the
// browser); the unit then finds its new hall booked on its bookings page (预订).
import { expect, test } from "@playwright/test";
import type { Schema } from "@/lib/api";
import { addDays, addWeeklySlot, apiSignIn, body, districtMonday, menu, signIn, snap } from "./helpers";

test("a unit lists a resource and sees it booked once the week's plan is published", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const hall = `财政局大礼堂 ${Date.now() % 100000}`;
  const week = districtMonday(2); // the week after next: a week no earlier test has published
  const wednesday = addDays(week, 2);

  // The unit lists the hall (500 seats) with a free Wednesday morning.
  await signIn(page, "danwei");
  await page.getByRole("button", { name: "登记资源" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("名称").fill(hall);
  await dialog.getByLabel("类别").click();
  await page.getByTitle("场地").click();
  await dialog.getByLabel("容量").fill("500");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();
  await page
    .getByRole("row", { name: new RegExp(hall) })
    .getByRole("button", { name: "编辑" })
    .click();
  const slots = page.getByTestId("slots-editor");
  await slots.getByRole("button", { name: "添加时段" }).click();
  await addWeeklySlot(page, slots, "周三", "08:00", "12:00");
  await page.getByRole("dialog").getByRole("button", { name: "取消" }).click();

  // The district: a weekly project in the hall's community that needs a hall of 400 seats on Wednesdays; the week's
  // shifts, a matching run, and its publication.
  const request = await playwright.request.newContext({ baseURL });
  const headers = await apiSignIn(request, baseURL!, "admin");
  const found = await body<Schema<"PaginatedResourceList">>(
    request.get(`/api/resources/?search=${encodeURIComponent(hall)}`),
  );
  expect(found.count).toBe(1);
  const community = found.results[0].community;
  const end = addDays(week, 6);
  const project = await request.post("/api/projects/", {
    headers,
    data: {
      community,
      name: `${hall}议事会`,
      frequency: "weekly",
      start_date: week,
      end_date: end,
      weekdays: [3],
      start_time: "09:00",
      end_time: "11:00",
      seats: 1,
      resource_kind: "venue",
      resource_min_capacity: 400,
    },
  });
  expect(project.status(), await project.text()).toBe(201);
  const generated = await request.post("/api/shifts/generate/", { headers, data: { week, community } });
  expect(generated.ok(), await generated.text()).toBeTruthy();
  const started = await request.post("/api/planning/runs/", { headers, data: { week, community } });
  expect([201, 202], await started.text()).toContain(started.status());
  const run = await body<Schema<"MatchingRunOutput">>(started);
  await expect
    .poll(async () => (await body<typeof run>(request.get(`/api/planning/runs/${run.id}/`))).status, {
      timeout: 180_000,
      intervals: [2_000],
    })
    .toBe("done");
  const published = await request.post(`/api/planning/runs/${run.id}/publish/`, { headers });
  expect(published.ok(), await published.text()).toBeTruthy();
  await request.dispose();

  // The unit finds the hall booked that Wednesday.
  await menu(page, "预订").click();
  await expect(page.getByTestId("bookings-table")).toBeVisible();
  await page.getByRole("button", { name: "下一周" }).click();
  await page.getByRole("button", { name: "下一周" }).click();
  await expect(page.getByText(`${week} 起的一周`)).toBeVisible();
  const booking = page.getByTestId("bookings-table").getByRole("row", { name: new RegExp(hall) });
  await expect(booking.first()).toBeVisible();
  await expect(booking.first()).toContainText(wednesday.slice(5));
  await snap(page, "unit-resource-booked");
});
