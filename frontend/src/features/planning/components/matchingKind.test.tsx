// The plan review marks the assignments that rest on a skill the volunteer only claims (未核验), by the skill's name.
import { screen, within } from "@testing-library/react";
import { beforeEach, expect, it } from "vitest";
import { matchingRun, page, skillCatalogue } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { ReviewTable } from "@/components/runs/ReviewTable";
import type { Assignment } from "../api/types";
import { matchingKind } from "./matchingKind";

const run = matchingRun({ id: 11 });
const row = (id: number, name: string, unverified: string[]): Assignment => ({
  id,
  shift: id,
  shift_title: `班次${id}`,
  shift_start: "2026-12-05T09:00:00+08:00",
  shift_end: "2026-12-05T11:00:00+08:00",
  community_name: "百花社区",
  volunteer: id,
  volunteer_number: `ZY000000${id}`,
  volunteer_name: name,
  pinned: false,
  source: "solver",
  unverified_skills: unverified,
});

beforeEach(() => {
  server.use(
    http.get("/api/planning/runs/{id}/assignments/", ({ params, response }) =>
      params.id === "11"
        ? response(200).json(page([row(1, "张玉芳", ["first_aid", "driving"]), row(2, "李建国", [])]))
        : response(404).json({ message: "无此方案。", extra: { code: "not_found", fields: {} } }),
    ),
    http.get("/api/skills/", ({ response }) => response(200).json(page(skillCatalogue))),
  );
});

it("tags only the assignments resting on an unverified claim, naming the skills", async () => {
  renderWithApp(<ReviewTable kind={matchingKind} run={run} editable={false} />);
  const claimed = (await screen.findByText(/张玉芳/)).closest("tr")!;
  expect(await within(claimed).findByText("未核验：应急救护、驾驶")).toBeInTheDocument();
  const verified = screen.getByText(/李建国/).closest("tr")!;
  expect(within(verified).queryByTestId("unverified-skills")).toBeNull();
});
