// A volunteer's profile and record: the masked phone as the server gives it, the availability read-only, the post
// held, this week's seat from the published plan (only theirs), approved hours (pending entries apart), and the
// consents read-only with their history (only the volunteer changes them).
import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import { recordTotals, VolunteerDrawer } from "./VolunteerDrawer";

const page = (results: unknown[]) => jsonReply(200, { count: results.length, next: null, previous: null, results });
const fetchMock = vi.fn();
beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string) => {
    const path = url.split("?")[0];
    if (path === "/api/volunteers/7/") {
      return jsonReply(200, {
        id: 7, number: "ZY0000001", name: "张玉芳", kind: "in_office", phone_display: "137****1234", home_community_name: "百花社区",
        employer_unit_name: "中原区财政局", skills: {}, max_hours_per_week: 8, active: true, consent_rank_name: true,
        consent_share_with_unit: false, verified_skills: [],
      });
    }
    if (path === "/api/volunteers/7/consent-history/") {
      return jsonReply(200, [
        { id: 3, consent: "consent_share_with_unit", old_value: true, new_value: false, changed_at: "2026-11-20T20:15:00+08:00",
          changed_by: "张玉芳", by_volunteer: true },
        { id: 1, consent: "consent_rank_name", old_value: false, new_value: true, changed_at: "2026-03-02T09:00:00+08:00",
          changed_by: "张玉芳", by_volunteer: true },
      ]);
    }
    if (path === "/api/availability/") return page([{ id: 1, volunteer: 7, weekday: 3, start_time: "19:00:00", end_time: "21:30:00" }]);
    if (path === "/api/post-holdings/") return page([{ id: 2, post: 1, post_name: "政策宣传岗", volunteer: 7, year: 2026, status: "active" }]);
    if (path === "/api/planning/runs/") return page([{ id: 11 }]);
    if (path === "/api/planning/runs/11/assignments/") {
      return page([
        { id: 1, shift: 1, shift_title: "周末巡逻", shift_start: "2026-12-05T09:00:00", shift_end: "2026-12-05T11:00:00", community_name: "百花社区", volunteer: 7 },
        { id: 2, shift: 2, shift_title: "别人的班", shift_start: "2026-12-05T09:00:00", shift_end: "2026-12-05T11:00:00", community_name: "百花社区", volunteer: 8 },
      ]);
    }
    if (path === "/api/records/") {
      return page([
        { id: 1, title: "助老送餐", date: "2026-11-02", hours: 2.5, status: "approved" },
        { id: 2, title: "社区义诊", date: "2026-11-20", hours: 3, status: "pending" },
      ]);
    }
    if (path === "/api/skills/") return page([]);
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

it("counts approved hours in all and this year, and pending entries apart", () => {
  const r = (hours: number, date: string, status: "approved" | "pending" | "rejected") =>
    ({ id: 1, title: "", place: "", community_name: "", rating: null, source: "manual", hours, date, status });
  expect(recordTotals([r(2.5, "2026-03-01", "approved"), r(1, "2025-12-30", "approved"), r(4, "2026-05-01", "pending"), r(9, "2026-05-02", "rejected")], 2026))
    .toEqual({ hours: 3.5, yearHours: 2.5, pending: 1 });
});

it("shows the profile, availability, posts, this week's seat and the records", async () => {
  renderWithApp(<VolunteerDrawer id={7} onClose={vi.fn()} />);
  const drawer = await screen.findByTestId("volunteer-drawer");
  expect(await within(drawer).findByText("137****1234")).toBeInTheDocument();
  expect(await within(drawer).findByText("19:00–21:30")).toBeInTheDocument();
  expect(await within(drawer).findByText("政策宣传岗")).toBeInTheDocument();
  expect(await within(drawer).findByText("周末巡逻")).toBeInTheDocument();
  expect(within(drawer).queryByText("别人的班")).toBeNull();
  expect(await within(drawer).findByText("助老送餐")).toBeInTheDocument();
  expect(within(drawer).getByTestId("volunteer-availability")).toHaveTextContent("周三");
  const consents = within(drawer).getByTestId("volunteer-consent-history");
  expect(await within(consents).findByText("撤回：记录反馈工作单位")).toBeInTheDocument();
  expect(within(consents).getByText("同意：排行榜公开姓名")).toBeInTheDocument();
  expect(within(consents).getAllByText("志愿者本人")).toHaveLength(2);
  expect(within(drawer).getByText("授权只能由志愿者本人在个人信息中修改。")).toBeInTheDocument();
  expect(within(drawer).queryByRole("switch")).toBeNull(); // nothing to toggle here
});
