// The week calendar puts each item in its day's column in time order, keeps items outside the week visible at
// its edges, and the week picker moves by whole weeks from Monday to Monday.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, expect, it, vi } from "vitest";
import { renderWithApp } from "@/test/render";
import { byWeekday, WeekCalendar, WeekPicker } from "./WeekCalendar";

const item = (key: number, start: string, end = start) => ({ key, start, end });

it("groups items by weekday from Monday, in time order, clamping what lies outside the week", () => {
  const days = byWeekday(
    [
      item(1, "2026-12-09T14:00:00"),
      item(2, "2026-12-09T08:30:00"),
      item(3, "2026-12-07T00:00:00"),
      item(4, "2026-12-13T23:30:00"),
      item(5, "2026-12-20T09:00:00"),
      item(6, "2026-12-01T09:00:00"),
    ],
    "2026-12-07",
  );
  expect(days.map((list) => list.map((i) => i.key))).toEqual([[6, 3], [], [2, 1], [], [], [], [4, 5]]);
});

it("shows each item under its day with its time, and an empty day says so", async () => {
  renderWithApp(
    <WeekCalendar
      week="2026-12-07"
      items={[{ key: 1, start: "2026-12-09T08:30:00", end: "2026-12-09T10:00:00", name: "助老送餐" }]}
      title={(i) => i.name}
      testId="cal"
    >
      {() => "两人"}
    </WeekCalendar>,
  );
  const wednesday = await screen.findByTestId("cal-2026-12-09");
  expect(within(wednesday).getByText("助老送餐")).toBeInTheDocument();
  expect(within(wednesday).getByText("08:30–10:00")).toBeInTheDocument();
  expect(within(wednesday).getByText("两人")).toBeInTheDocument();
  expect(within(screen.getByTestId("cal-2026-12-07")).getByText("当天无安排")).toBeInTheDocument();
  expect(screen.getAllByTestId("cal-item")).toHaveLength(1);
});

afterEach(() => vi.useRealTimers());

it("lays items out by the district's days and hours, whatever the browser's zone (the tests run in Los Angeles)", async () => {
  // given the browser's Sunday evening, the district's Monday morning
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-07T01:00:00Z"));
  // and a shift early on the district's Monday (still Sunday in Los Angeles) and one late on its Sunday
  const early = { key: 1, start: "2026-12-07T00:30:00+08:00", end: "2026-12-07T02:00:00+08:00", name: "早班" };
  const late = { key: 2, start: "2026-12-13T15:30:00Z", end: "2026-12-13T15:59:00Z", name: "夜班" };
  expect(byWeekday([early, late], "2026-12-07").map((list) => list.map((i) => i.key))).toEqual([
    [1],
    [],
    [],
    [],
    [],
    [],
    [2],
  ]);
  // when the week is shown
  renderWithApp(<WeekCalendar week="2026-12-07" items={[early, late]} title={(i) => i.name} testId="cal" />);
  // then each lies on its district day at its district hours, and the district's today is the one marked
  const monday = await screen.findByTestId("cal-2026-12-07");
  expect(within(monday).getByText("早班")).toBeInTheDocument();
  expect(within(monday).getByText("00:30–02:00")).toBeInTheDocument();
  expect(within(monday).getByText("12-07 周一").closest(".ant-typography")).toHaveClass("ant-typography-success");
  const sunday = screen.getByTestId("cal-2026-12-13");
  expect(within(sunday).getByText("23:30–23:59")).toBeInTheDocument();
  expect(
    within(screen.getByTestId("cal-2026-12-08")).getByText("12-08 周二").closest(".ant-typography"),
  ).not.toHaveClass("ant-typography-success");
});

function Picker() {
  const [week, setWeek] = useState("2026-12-07");
  return (
    <>
      <WeekPicker week={week} onChange={setWeek} />
      <span data-testid="week">{week}</span>
    </>
  );
}

it("moves a week back and forth", async () => {
  renderWithApp(<Picker />);
  await userEvent.click(await screen.findByRole("button", { name: "下一周" }));
  expect(screen.getByTestId("week")).toHaveTextContent("2026-12-14");
  await userEvent.click(screen.getByRole("button", { name: "上一周" }));
  await userEvent.click(screen.getByRole("button", { name: "上一周" }));
  expect(screen.getByTestId("week")).toHaveTextContent("2026-11-30");
});
