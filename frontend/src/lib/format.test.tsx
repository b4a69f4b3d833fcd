// The district's clock with the browser in Los Angeles (vite.config.ts sets TZ for every test): times shown, picker
// values read, "today" and the weeks are the district's (Asia/Shanghai, or the zone the server names), never the browser's.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DatePicker } from "antd";
import dayjs from "dayjs";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { renderWithApp } from "@/test/render";
import {
  addDays,
  clockValue,
  dayOf,
  DEFAULT_DISTRICT_ZONE,
  districtDay,
  districtNow,
  districtToday,
  districtYear,
  formatDate,
  formatDateTime,
  formatDay,
  formatSpan,
  formatTime,
  hoursBetween,
  isPast,
  mondayOf,
  nextMonday,
  pickedDay,
  pickedTime,
  setDistrictZone,
  timeOfDay,
} from "./format";

// Sunday 6 December 2026, 17:00 in Los Angeles: already Monday 7 December, 09:00, in the district.
const SUNDAY_EVENING_IN_LA = new Date("2026-12-07T01:00:00Z");

beforeEach(() => {
  dayjs.locale("en"); // the app sets the interface's language when it renders; these read the names in English
});

afterEach(() => {
  vi.useRealTimers();
  setDistrictZone(DEFAULT_DISTRICT_ZONE);
});

it("runs with the browser in Los Angeles, not in the district's zone", () => {
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("America/Los_Angeles");
  expect(dayjs("2026-12-07T00:30:00+08:00").format("YYYY-MM-DD HH:mm")).toBe("2026-12-06 08:30"); // what dayjs alone shows
});

it("shows instants on the district's clock", () => {
  expect(formatDateTime("2026-12-07T00:30:00+08:00")).toBe("2026-12-07 00:30");
  expect(formatDateTime("2026-12-06T16:30:00Z")).toBe("2026-12-07 00:30");
  expect(formatDate("2026-12-06T23:59:00-08:00")).toBe("2026-12-07");
  expect(formatTime("2026-12-09T01:00:00Z")).toBe("09:00");
  expect(formatSpan("2026-12-07T00:30:00+08:00", "2026-12-07T02:00:00+08:00")).toBe("12-07 Mon 00:30–02:00");
  expect(formatDateTime(null)).toBe("");
  expect(formatDate(undefined)).toBe("");
});

it("reads a time without an offset as the district's wall time and a date as itself", () => {
  expect(formatDateTime("2026-12-09T08:30:00")).toBe("2026-12-09 08:30");
  expect(formatDate("2026-12-07")).toBe("2026-12-07");
  expect(dayOf("2026-12-09T23:30:00")).toBe("2026-12-09");
  expect(formatDay("2026-12-07", "MM-DD ddd")).toBe("12-07 Mon");
});

it("shows the zone the server names", () => {
  // given a district in Urumqi (UTC+6)
  setDistrictZone("Asia/Urumqi");
  // then its instants are shown there
  expect(formatDateTime("2026-12-07T00:30:00+08:00")).toBe("2026-12-06 22:30");
  // and an unknown name leaves the zone as it was
  setDistrictZone("Mars/Olympus_Mons");
  expect(formatDateTime("2026-12-07T00:30:00+08:00")).toBe("2026-12-06 22:30");
});

it("takes today and the weeks from the district's date", () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(SUNDAY_EVENING_IN_LA);
  expect(dayjs().format("YYYY-MM-DD")).toBe("2026-12-06"); // the browser's Sunday
  expect(districtToday()).toBe("2026-12-07");
  expect(districtYear()).toBe(2026);
  expect(mondayOf()).toBe("2026-12-07");
  expect(nextMonday()).toBe("2026-12-14");
  expect(districtNow().format("HH:mm")).toBe("09:00");
});

it("finds the Monday of a date, an instant and a picker's value", () => {
  expect(mondayOf("2026-12-13")).toBe("2026-12-07");
  expect(mondayOf("2026-12-14")).toBe("2026-12-14");
  // Sunday 23:30 in the district is still that week, though it is Sunday morning in Los Angeles
  expect(mondayOf("2026-12-13T23:30:00+08:00")).toBe("2026-12-07");
  // a picker's value in the browser's zone, and one in the district's, stand for the day they show
  expect(mondayOf(dayjs("2026-12-09"))).toBe("2026-12-07");
  expect(mondayOf(districtDay("2026-12-09"))).toBe("2026-12-07");
  expect(nextMonday("2026-12-13")).toBe("2026-12-14");
  expect(nextMonday("2026-12-14")).toBe("2026-12-21");
});

it("reads picker values by the day and time they show", () => {
  expect(pickedDay(dayjs("2026-12-07"))).toBe("2026-12-07");
  expect(pickedDay(districtDay("2026-12-07"))).toBe("2026-12-07");
  expect(pickedTime(clockValue("09:30"))).toBe("09:30");
  expect(pickedTime(clockValue("16:30:00"))).toBe("16:30");
  // a resident's wanted start, as the time picker's first guess: the district's hour, not Los Angeles'
  expect(pickedTime(timeOfDay("2026-12-09T01:00:00Z"))).toBe("09:00");
});

it("does calendar arithmetic on dates whatever the browser's summer time", () => {
  expect(addDays("2026-03-07", 1)).toBe("2026-03-08"); // Los Angeles moves its clocks on 8 March 2026
  expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
  expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  expect(addDays("2026-12-07", -7)).toBe("2026-11-30");
});

it("counts hours and tells what is past by the instant", () => {
  expect(hoursBetween("2026-12-09T08:30:00+08:00", "2026-12-09T02:00:00Z")).toBe(1.5);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(SUNDAY_EVENING_IN_LA);
  expect(isPast("2026-12-07T08:59:00+08:00")).toBe(true);
  expect(isPast("2026-12-07T09:01:00+08:00")).toBe(false);
  expect(isPast("2026-12-07T09:01:00")).toBe(false);
});

it("gives a date picker the district's today", async () => {
  // given the browser's Sunday evening, the district's Monday morning
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(SUNDAY_EVENING_IN_LA);
  const picked = vi.fn<(day: string) => void>();
  renderWithApp(<DatePicker open onChange={(value) => value && picked(pickedDay(value))} />);
  // then the picker marks the district's today and its 今天 button picks it
  const today = document.querySelector(".ant-picker-cell-today");
  expect(today).toHaveAttribute("title", "2026-12-07");
  await userEvent.click(screen.getByText("今天"));
  expect(picked).toHaveBeenCalledWith("2026-12-07");
});
