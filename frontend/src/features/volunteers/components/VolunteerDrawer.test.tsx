// A volunteer's profile and record: the masked phone as the server gives it, the availability read-only, the post
// held, this week's seat from the published plan (only theirs), approved hours (pending entries apart), and the
// consents read-only with their history (only the volunteer changes them).
import { screen, within } from "@testing-library/react";
import { beforeEach, expect, it, vi } from "vitest";
import type { Schema } from "@/lib/api";
import { matchingRun, page, volunteer } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { recordTotals, VolunteerDrawer } from "./VolunteerDrawer";

function seat(id: number, shift_title: string, volunteer: number): Schema<"AssignmentOutput"> {
  return {
    id,
    shift: id,
    shift_title,
    shift_start: "2026-12-05T09:00:00",
    shift_end: "2026-12-05T11:00:00",
    community_name: "百花社区",
    volunteer,
    volunteer_number: `ZY000000${volunteer}`,
    volunteer_name: "",
    pinned: false,
    source: "solver",
    unverified_skills: [],
  };
}

function record(
  id: number,
  title: string,
  date: string,
  hours: number,
  status: Schema<"RecordOutputStatusEnum">,
): Schema<"RecordOutput"> {
  return {
    id,
    volunteer: 7,
    volunteer_number: "ZY0000001",
    volunteer_name: "张玉芳",
    community: 1,
    community_name: "百花社区",
    shift: null,
    post: null,
    attendance: null,
    title,
    date,
    place: "",
    recipient: "",
    content: "",
    minutes: hours * 60,
    hours,
    rating: null,
    person_in_charge: "",
    recorder: null,
    source: "manual",
    status,
    evidence: "",
    review_note: "",
    reviewed_by: null,
    reviewed_at: null,
    changes: [],
  };
}

beforeEach(() => {
  server.use(
    http.get("/api/volunteers/{id}/", ({ params, response }) =>
      response(200).json(
        volunteer({
          id: Number(params.id),
          number: "ZY0000001",
          name: "张玉芳",
          kind: "in_office",
          phone_display: "137****1234",
          home_community_name: "百花社区",
          employer_unit_name: "中原区财政局",
          skills: {},
          max_hours_per_week: 8,
          active: true,
          consent_rank_name: true,
          consent_share_with_unit: false,
          verified_skills: [],
        }),
      ),
    ),
    http.get("/api/volunteers/{id}/consent-history/", ({ response }) =>
      response(200).json([
        {
          id: 3,
          consent: "consent_share_with_unit",
          old_value: true,
          new_value: false,
          changed_at: "2026-11-20T20:15:00+08:00",
          changed_by: "张玉芳",
          by_volunteer: true,
        },
        {
          id: 1,
          consent: "consent_rank_name",
          old_value: false,
          new_value: true,
          changed_at: "2026-03-02T09:00:00+08:00",
          changed_by: "张玉芳",
          by_volunteer: true,
        },
      ]),
    ),
    http.get("/api/availability/", ({ response }) =>
      response(200).json(page([{ id: 1, volunteer: 7, weekday: 3, start_time: "19:00:00", end_time: "21:30:00" }])),
    ),
    http.get("/api/post-holdings/", ({ response }) =>
      response(200).json(
        page([
          {
            id: 2,
            post: 1,
            post_name: "政策宣传岗",
            volunteer: 7,
            volunteer_name: "张玉芳",
            year: 2026,
            status: "active",
          },
        ]),
      ),
    ),
    http.get("/api/planning/runs/", ({ response }) =>
      response(200).json(page([matchingRun({ id: 11, published: true })])),
    ),
    http.get("/api/planning/runs/{id}/assignments/", ({ params, response }) =>
      response(200).json(page(params.id === "11" ? [seat(1, "周末巡逻", 7), seat(2, "别人的班", 8)] : [])),
    ),
    http.get("/api/records/", ({ response }) =>
      response(200).json(
        page([record(1, "助老送餐", "2026-11-02", 2.5, "approved"), record(2, "社区义诊", "2026-11-20", 3, "pending")]),
      ),
    ),
    http.get("/api/skills/", ({ response }) => response(200).json(page([]))),
  );
});

it("counts approved hours in all and this year, and pending entries apart", () => {
  const r = (hours: number, date: string, status: "approved" | "pending" | "rejected") => ({
    id: 1,
    title: "",
    place: "",
    community_name: "",
    rating: null,
    source: "manual",
    hours,
    date,
    status,
  });
  expect(
    recordTotals(
      [
        r(2.5, "2026-03-01", "approved"),
        r(1, "2025-12-30", "approved"),
        r(4, "2026-05-01", "pending"),
        r(9, "2026-05-02", "rejected"),
      ],
      2026,
    ),
  ).toEqual({ hours: 3.5, yearHours: 2.5, pending: 1 });
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
