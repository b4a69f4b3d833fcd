// Each role is offered only its own pages, and the menu and the router agree on them.
import type { ReactElement } from "react";
import { matchRoutes } from "react-router";
import { expect, it } from "vitest";
import type { Me, Role } from "@/lib/session";
import { homeFor, menuFor } from "./menu";
import { routesFor } from "./SignedIn";

const as = (role: Role): Me => ({
  id: 1,
  username: "u",
  display_name: "",
  role,
  sub_district: null,
  community: null,
  unit: null,
  volunteer: null,
});
const paths = (role: Role) => menuFor(as(role)).map((entry) => entry.path);

it("offers coordinators the planning pages and nobody else", () => {
  const coordinating = [
    "/dashboard",
    "/insights",
    "/runs",
    "/needs",
    "/projects",
    "/posts",
    "/allocation",
    "/shifts",
    "/no-shows",
    "/volunteers",
    "/imports",
    "/resources",
    "/offers",
    "/agreements",
    "/records/review",
    "/ledgers",
    "/evaluation",
    "/appraisal",
    "/feedback-reports",
    "/exports",
  ];
  for (const role of ["subdistrict_coordinator", "community_coordinator"] as Role[]) {
    expect(paths(role)).toEqual([...coordinating, "/inbox"]);
  }
  expect(paths("admin")).toEqual([...coordinating, "/users", "/inbox"]);
  expect(paths("volunteer")).not.toContain("/runs");
  expect(paths("unit_representative")).not.toContain("/runs");
  expect(paths("volunteer")).not.toContain("/allocation");
  expect(paths("unit_representative")).not.toContain("/allocation");
  expect(paths("volunteer")).not.toContain("/records/review");
  expect(paths("unit_representative")).not.toContain("/records/review");
  expect(paths("volunteer")).not.toContain("/ledgers");
  for (const path of ["/insights", "/appraisal", "/exports", "/imports", "/no-shows"]) {
    expect(paths("volunteer")).not.toContain(path);
    expect(paths("unit_representative")).not.toContain(path);
  }
  expect(paths("volunteer")).not.toContain("/evaluation");
  expect(paths("volunteer")).not.toContain("/feedback-reports");
});

it("offers the accounts page (用户与权限) to the district administrator alone, and routes nobody else to it", () => {
  for (const role of roles.filter((role) => role !== "admin")) {
    expect(paths(role)).not.toContain("/users");
    expect(routed(role, "/users")).toBe("*");
  }
  expect(routed("admin", "/users")).toBe("/users");
});

it("offers volunteers their own pages, phone first, and what is open to claim", () => {
  expect(paths("volunteer")).toEqual([
    "/my/posts",
    "/open-seats",
    "/wishes",
    "/check-in",
    "/inbox",
    "/my/hours",
    "/my/holdings",
    "/my/calendar",
    "/my/profile",
  ]);
  expect(homeFor(as("volunteer"))).toBe("/my/posts");
});

it("offers unit representatives resources, bookings, their members' service, their unit's ledgers, feedback reports, evaluation, the service menu and agreements", () => {
  expect(paths("unit_representative")).toEqual([
    "/resources",
    "/bookings",
    "/records",
    "/ledgers",
    "/feedback-reports",
    "/evaluation",
    "/offers",
    "/agreements",
    "/inbox",
    "/my/profile",
  ]);
  expect(paths("volunteer")).not.toContain("/records");
  expect(paths("community_coordinator")).not.toContain("/records");
});

// The menu and the router read the same table: every menu entry opens a page of that role, every page a role can
// reach without an id is in its menu, and another role's pages are the 404 page.
const roles: Role[] = ["admin", "subdistrict_coordinator", "community_coordinator", "unit_representative", "volunteer"];
const routed = (role: Role, path: string) => matchRoutes(routesFor(as(role)), path)?.at(-1)?.route.path;

it("routes every menu entry to a page of the role, and the start page from /", () => {
  for (const role of roles) {
    for (const path of paths(role)) expect(routed(role, path)).toBe(path);
    const home = routesFor(as(role)).find((route) => route.path === "/")?.element as ReactElement<{ to: string }>;
    expect(home.props.to).toBe(homeFor(as(role)));
  }
});

it("has no page a role can reach without an id that its menu leaves out", () => {
  for (const role of roles) {
    const pages = routesFor(as(role))
      .map((route) => route.path ?? "")
      .filter((path) => !path.includes(":") && !["/", "/login", "*"].includes(path));
    expect(pages).toEqual(paths(role));
  }
});

it("answers another role's pages with the 404 page", () => {
  for (const role of roles) {
    const others = roles.flatMap(paths).filter((path) => !paths(role).includes(path));
    for (const path of others) expect(routed(role, path)).toBe("*");
  }
  expect(routed("volunteer", "/runs/1")).toBe("*");
  expect(routed("unit_representative", "/runs/1")).toBe("*");
  expect(routed("admin", "/runs/1")).toBe("/runs/:runId");
  expect(routed("unit_representative", "/resources/1")).toBe("/resources/:resourceId");
  expect(routed("volunteer", "/resources/1")).toBe("*");
});

it("loads every page lazily, in a chunk of its own", () => {
  for (const role of roles) {
    for (const route of routesFor(as(role)).filter((route) => !["/", "/login"].includes(route.path ?? ""))) {
      const element = route.element as ReactElement;
      expect((element.type as { $$typeof?: symbol }).$$typeof).toBe(Symbol.for("react.lazy"));
    }
  }
});
