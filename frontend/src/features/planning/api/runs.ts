// Matching runs: the run endpoints (components/runs/api.ts) at /api/planning/runs/, with the plan's assignments
// as the rows under review.
import { runEndpoints } from "@/components/runs/api";
import { apiClient } from "@/lib/api";
import { isActive, runScope } from "./types";

const { GET, POST, PATCH, DELETE } = apiClient;

export const matchingRuns = runEndpoints({
  base: "/api/planning/runs/",
  scope: "planning",
  isActive,
  // No re-run endpoint: a re-run starts the same week and scope again.
  restart: (run) => ({ week: run.week, ...runScope(run) }),
  rows: { path: "assignments", key: "assignment_id", params: (id, row) => ({ id, assignment_id: row }) },
  // The schema's client: the compiler checks each method against its endpoint here.
  send: {
    list: GET,
    detail: GET,
    start: POST,
    cancel: POST,
    publish: POST,
    rows: GET,
    addRow: POST,
    pinRow: PATCH,
    removeRow: DELETE,
    unfilled: GET,
  },
});

export const { keys: runKeys, useRuns, useRun, useStart: useStartRun, useCancel: useCancelRun } = matchingRuns;

/** Where a run's page is. */
export const runPath = (id: number) => `/runs/${id}`;
