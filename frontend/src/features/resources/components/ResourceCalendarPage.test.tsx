// 资源日历: the week shows each day's free slots, bookings and withdrawal; the month shows counts per day.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import dayjs from "dayjs";
import { Route, Routes } from "react-router";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { mondayOf } from "@/lib/format";
import { jsonReply, renderWithApp } from "@/test/render";
import { ResourceCalendarPage } from "./ResourceCalendarPage";

const monday = mondayOf(dayjs());
const wednesday = dayjs(monday).add(2, "day").format("YYYY-MM-DD");
const thursday = dayjs(monday).add(3, "day").format("YYYY-MM-DD");
const page = (results: unknown[]) => jsonReply(200, { count: results.length, next: null, previous: null, results });

const fetchMock = vi.fn();
beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string) => {
    const path = url.split("?")[0];
    if (path === "/api/resources/5/") {
      return jsonReply(200, {
        id: 5, name: "财政局会议室", category: "venue", unit_name: "中原区财政局", community_name: "百花社区", address: "", status: "listed",
        slots: [{ id: 1, weekday: 3, date: null, start_time: "08:00:00", end_time: "18:00:00" }],
      });
    }
    if (path === "/api/unit/bookings/") {
      return page(url.includes(`week=${monday}`)
        ? [{ id: 9, date: wednesday, start: `${wednesday}T09:00:00`, end: `${wednesday}T11:00:00`, shift_title: "议事会", withdrawn: false, replaces: null }]
        : []);
    }
    if (path === "/api/unit/withdrawals/") return page([{ id: 3, resource: 5, date: thursday, reason: "设备检修" }]);
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
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
  expect(await within(screen.getByTestId(`calendar-day-${thursday}`)).findByText("当天撤回：设备检修")).toBeInTheDocument();
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
