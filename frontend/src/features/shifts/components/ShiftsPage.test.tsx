// The coordinators' shifts: the calendar asks for the whole week (every page) and shows each shift on its day;
// moving a week asks for the next one.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import { nextMonday } from "@/lib/format";
import { page, skillCatalogue } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import dayjs from "dayjs";
import type { Shift } from "../api/shifts";
import { ShiftsPage } from "./ShiftsPage";

const week = nextMonday();
const day = (offset: number, time: string) => `${dayjs(week).add(offset, "day").format("YYYY-MM-DD")}T${time}:00`;
const shift = (id: number, title: string, offset: number): Shift => ({
  id,
  title,
  community: 1,
  community_name: "百花社区",
  origin: "post",
  week,
  start: day(offset, "09:00"),
  end: day(offset, "11:00"),
  seats: 2,
  priority: 3,
  required_skills: {},
  lat: 34.75,
  lng: 113.62,
  status: "open",
  cancelled_at: null,
  cancel_reason: "",
  published_volunteers: 0,
});

let asked: URLSearchParams[] = [];
beforeEach(() => {
  asked = [];
  server.use(
    http.get("/api/shifts/", ({ request, response }) => {
      const query = new URL(request.url).searchParams;
      asked.push(query);
      if (query.get("page_size") === "200" && query.get("week") === week) {
        // Two pages: the calendar must follow `next`.
        return query.get("page") === "1"
          ? response(200).json({ count: 2, next: "p2", previous: null, results: [shift(1, "助老送餐", 2)] })
          : response(200).json({ count: 2, next: null, previous: "p1", results: [shift(2, "垃圾分类督导", 5)] });
      }
      return response(200).json(page([]));
    }),
    http.get("/api/skills/", ({ response }) => response(200).json(page(skillCatalogue))),
  );
});

it("shows the whole week on the calendar, each shift on its day", async () => {
  renderWithApp(<ShiftsPage />);
  await userEvent.click(await screen.findByText("日历"));
  const wednesday = await screen.findByTestId(`shifts-week-${dayjs(week).add(2, "day").format("YYYY-MM-DD")}`);
  expect(await within(wednesday).findByText("助老送餐")).toBeInTheDocument();
  expect(within(wednesday).getByText("09:00–11:00")).toBeInTheDocument();
  const saturday = screen.getByTestId(`shifts-week-${dayjs(week).add(5, "day").format("YYYY-MM-DD")}`);
  expect(within(saturday).getByText("垃圾分类督导")).toBeInTheDocument();
  expect(screen.getByText("本周共 2 个班次")).toBeInTheDocument();

  await userEvent.click(screen.getByRole("button", { name: "下一周" }));
  expect(await screen.findByText(/本周没有班次/)).toBeInTheDocument();
  const following = dayjs(week).add(7, "day").format("YYYY-MM-DD");
  expect(asked.some((query) => query.get("week") === following)).toBe(true);
});
