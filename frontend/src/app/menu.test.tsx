// Each role is offered only its own pages.
import { expect, it } from "vitest";
import type { Me, Role } from "@/lib/session";
import { homeFor, menuFor } from "./menu";

const as = (role: Role): Me => ({ id: 1, username: "u", display_name: "", role, sub_district: null, community: null, unit: null, volunteer: null });
const paths = (role: Role) => menuFor(as(role)).map((entry) => entry.path);

it("offers coordinators the planning pages and nobody else", () => {
  for (const role of ["admin", "subdistrict_coordinator", "community_coordinator"] as Role[]) {
    expect(paths(role)).toEqual(["/dashboard", "/insights", "/runs", "/needs", "/projects", "/posts", "/allocation", "/shifts", "/volunteers", "/resources", "/records/review", "/ledgers", "/evaluation", "/appraisal", "/feedback-reports", "/exports", "/inbox"]);
  }
  expect(paths("volunteer")).not.toContain("/runs");
  expect(paths("unit_representative")).not.toContain("/runs");
  expect(paths("volunteer")).not.toContain("/allocation");
  expect(paths("unit_representative")).not.toContain("/allocation");
  expect(paths("volunteer")).not.toContain("/records/review");
  expect(paths("unit_representative")).not.toContain("/records/review");
  expect(paths("volunteer")).not.toContain("/ledgers");
  for (const path of ["/insights", "/appraisal", "/exports"]) {
    expect(paths("volunteer")).not.toContain(path);
    expect(paths("unit_representative")).not.toContain(path);
  }
  expect(paths("volunteer")).not.toContain("/evaluation");
  expect(paths("volunteer")).not.toContain("/feedback-reports");
});

it("offers volunteers their own pages, phone first", () => {
  expect(paths("volunteer")).toEqual(["/my/posts", "/check-in", "/inbox", "/my/hours", "/my/holdings", "/my/calendar", "/my/profile"]);
  expect(homeFor(as("volunteer"))).toBe("/my/posts");
});

it("offers unit representatives resources, bookings, their members' service, their unit's ledgers, feedback reports and evaluation", () => {
  expect(paths("unit_representative")).toEqual(["/resources", "/bookings", "/records", "/ledgers", "/feedback-reports", "/evaluation", "/inbox", "/my/profile"]);
  expect(paths("volunteer")).not.toContain("/records");
  expect(paths("community_coordinator")).not.toContain("/records");
});
