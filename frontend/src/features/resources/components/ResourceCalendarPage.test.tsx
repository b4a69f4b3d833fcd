// 资源日历: the week shows each day's free slots, bookings and withdrawal; the month shows counts per day.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, expect, it } from "vitest";
import { addDays, mondayOf } from "@/lib/format";
import { page } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { booking, resource, withdrawal } from "./testData";
import { ResourceCalendarPage } from "./ResourceCalendarPage";

const monday = mondayOf(); // the district's week (the tests run in Los Angeles)
const wednesday = addDays(monday, 2);
const thursday = addDays(monday, 3);

beforeEach(() => {
  server.use(
    http.get("/api/resources/{id}/", ({ params, response }) =>
      params.id === "5"
        ? response(200).json(
            resource({
              id: 5,
              name: "财政局会议室",
              category: "venue",
              unit_name: "中原区财政局",
              community_name: "百花社区",
              address: "",
              status: "listed",
              slots: [{ id: 1, weekday: 3, date: null, start_time: "08:00:00", end_time: "18:00:00" }],
            }),
          )
        : response(404).json({ message: "未找到。", extra: { code: "not_found", fields: {} } }),
    ),
    http.get("/api/unit/bookings/", ({ request, response }) =>
      response(200).json(
        page(
          new URL(request.url).searchParams.get("week") === monday
            ? [
                booking({
                  id: 9,
                  date: wednesday,
                  start: `${wednesday}T09:00:00`,
                  end: `${wednesday}T11:00:00`,
                  shift_title: "议事会",
                }),
              ]
            : [],
        ),
      ),
    ),
    http.get("/api/unit/withdrawals/", ({ response }) =>
      response(200).json(page([withdrawal({ id: 3, resource: 5, date: thursday, reason: "设备检修" })])),
    ),
  );
});

const show = () =>
  renderWithApp(
    <Routes>
      <Route path="/resources/:resourceId" element={<ResourceCalendarPage />} />
    </Routes>,
    { path: "/resources/5" },
  );

it("shows the week's free slots, the booking and the withdrawal on their days", async () => {
  show();
  expect(await screen.findByText("资源日历：财政局会议室", {}, { timeout: 5000 })).toBeInTheDocument();
  const wed = screen.getByTestId(`calendar-day-${wednesday}`);
  expect(await within(wed).findByText(/09:00–11:00 议事会/)).toBeInTheDocument();
  expect(await within(wed).findByText("08:00–18:00 空闲")).toBeInTheDocument();
  expect(
    await within(screen.getByTestId(`calendar-day-${thursday}`)).findByText("当天撤回：设备检修"),
  ).toBeInTheDocument();
  expect(within(screen.getByTestId(`calendar-day-${monday}`)).getByText("无空闲时段")).toBeInTheDocument();
});

it("counts per day in the month view", async () => {
  show();
  await screen.findByText("资源日历：财政局会议室", {}, { timeout: 5000 });
  await userEvent.click(screen.getByText("月", { exact: true }));
  const month = await screen.findByTestId("resource-month");
  expect((await within(month).findAllByText("预订 1")).length).toBeGreaterThan(0);
  expect(within(month).getAllByText("空闲 1 段").length).toBeGreaterThan(0);
});
