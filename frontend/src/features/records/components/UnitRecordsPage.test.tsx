// 成员服务记录: totals per member count approved records only; with nothing to show, the page explains consent.
import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, expect, it } from "vitest";
import { districtYear } from "@/lib/format";
import { page } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { Me } from "@/lib/session";
import type { ServiceRecord } from "../api/records";
import { memberTotals } from "./memberTotals";
import { UnitRecordsPage } from "./UnitRecordsPage";

const unitRep: Me = {
  id: 4,
  username: "danwei",
  display_name: "",
  role: "unit_representative",
  sub_district: null,
  community: null,
  unit: 1,
  volunteer: null,
};
const record = (id: number, volunteer: number, hours: number, status: ServiceRecord["status"]) =>
  ({
    id,
    volunteer,
    volunteer_number: `V${volunteer}`,
    volunteer_name: `成员${volunteer}`,
    hours,
    status,
    date: "2026-11-02",
  }) as ServiceRecord;

let rows: ServiceRecord[] = [];
let asked: URL[] = [];
beforeEach(() => {
  asked = [];
  server.use(http.get("/api/records/", ({ response }) => response(200).json(page(rows))));
  server.events.on("request:start", ({ request }) => asked.push(new URL(request.url)));
});
afterEach(() => server.events.removeAllListeners());

it("sums approved hours per member, most first, and counts pending entries apart", () => {
  expect(
    memberTotals([
      record(1, 7, 2, "approved"),
      record(2, 8, 5.5, "approved"),
      record(3, 7, 1.25, "approved"),
      record(4, 7, 9, "pending"),
      record(5, 8, 3, "rejected"),
    ]),
  ).toEqual([
    { volunteer: 8, number: "V8", name: "成员8", hours: 5.5, records: 1, pending: 0 },
    { volunteer: 7, number: "V7", name: "成员7", hours: 3.3, records: 2, pending: 1 },
  ]);
});

it("asks for this year's records and, with none, explains that members must consent", async () => {
  rows = [];
  renderWithApp(<UnitRecordsPage />, { me: unitRep });
  const unitPage = await screen.findByTestId("unit-records");
  const empties = await within(unitPage).findAllByText(/同意“把服务记录反馈给我的工作单位”/);
  expect(empties.length).toBeGreaterThan(0);
  expect(asked[0].pathname).toBe("/api/records/");
  expect(asked[0].searchParams.get("date_from")).toBe(`${districtYear()}-01-01`);
});
