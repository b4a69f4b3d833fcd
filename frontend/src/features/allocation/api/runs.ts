// Post allocation runs (定岗): the run endpoints (components/runs/api.ts) at /api/allocation/runs/, with the
// proposals as the rows under review; the server re-runs a run itself.
import { runEndpoints } from "@/components/runs/api";
import { apiClient } from "@/lib/api";
import { isActive } from "./types";

const { GET, POST, PATCH, DELETE } = apiClient;

export const allocationRuns = runEndpoints({
  base: "/api/allocation/runs/",
  scope: "allocation",
  isActive,
  rows: { path: "proposals", key: "proposal_id", params: (id, row) => ({ id, proposal_id: row }) },
  // The schema's client: the compiler checks each method against its endpoint here.
  send: {
    list: GET,
    detail: GET,
    start: POST,
    rerun: POST,
    cancel: POST,
    publish: POST,
    rows: GET,
    addRow: POST,
    pinRow: PATCH,
    removeRow: DELETE,
    unfilled: GET,
  },
});

export const { keys: allocationKeys, useRun: useAllocationRun } = allocationRuns;

/** Where a run's page is. */
export const allocationPath = (id: number) => `/allocation/${id}`;
