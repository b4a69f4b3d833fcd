// The plan review marks the assignments that rest on a skill the volunteer only claims (未核验), by the skill's name.
import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import type { Assignment, MatchingRun } from "../api/types";
import { AssignmentsTable } from "./AssignmentsTable";

const run = { id: 11, week: "2026-11-30", status: "done", published: false } as MatchingRun;
const row = (id: number, name: string, unverified: string[]): Assignment => ({
  id, shift: id, shift_title: `班次${id}`, shift_start: "2026-12-05T09:00:00+08:00", shift_end: "2026-12-05T11:00:00+08:00",
  community_name: "百花社区", volunteer: id, volunteer_number: `ZY000000${id}`, volunteer_name: name, pinned: false,
  source: "solver", unverified_skills: unverified,
});
const page = (results: unknown[]) => jsonReply(200, { count: results.length, next: null, previous: null, results });

const fetchMock = vi.fn();
beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string) => {
    if (url.startsWith("/api/planning/runs/11/assignments/")) {
      return page([row(1, "张玉芳", ["first_aid", "driving"]), row(2, "李建国", [])]);
    }
    if (url.startsWith("/api/skills/")) {
      return page([
        { code: "first_aid", name: "应急救护", name_en: "First aid" },
        { code: "driving", name: "驾驶", name_en: "Driving" },
      ]);
    }
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

it("tags only the assignments resting on an unverified claim, naming the skills", async () => {
  renderWithApp(<AssignmentsTable run={run} editable={false} />);
  const claimed = (await screen.findByText(/张玉芳/)).closest("tr")!;
  expect(await within(claimed).findByText("未核验：应急救护、驾驶")).toBeInTheDocument();
  const verified = screen.getByText(/李建国/).closest("tr")!;
  expect(within(verified).queryByTestId("unverified-skills")).toBeNull();
});
