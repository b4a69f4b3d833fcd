// The week calendar puts each item in its day's column in time order, keeps items outside the week visible at
// its edges, and the week picker moves by whole weeks from Monday to Monday.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { expect, it } from "vitest";
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
