// The matching runs' hooks: the progress hook polls a working run until the run ends, then stops; a re-run starts
// the same week and scope again; a change to a run's rows refreshes that run's review.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { expect, it } from "vitest";
import { matchingRun, page } from "@/test/fixtures";
import { http, server } from "@/test/server";
import { matchingRuns, runKeys, useRun } from "./runs";
import type { Assignment, MatchingRun } from "./types";

const assignment: Assignment = {
  id: 3,
  shift: 1,
  shift_title: "班次1",
  shift_start: "2026-12-07T09:00:00+08:00",
  shift_end: "2026-12-07T11:00:00+08:00",
  community_name: "百花社区",
  volunteer: 2,
  volunteer_number: "ZY0000002",
  volunteer_name: "张玉芳",
  pinned: true,
  source: "solver",
  unverified_skills: [],
};

function setUp() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const asked: string[] = [];
  server.events.on("request:start", ({ request }) => asked.push(new URL(request.url).pathname));
  return { queryClient, wrapper, asked };
}

it("follows stage, progress and gap until the run is done, then stops polling", async () => {
  // given: the server reports queued, then solving, then done
  const states: Partial<MatchingRun>[] = [
    { status: "queued", stage: "排队中", progress: 0, gap: null },
    { status: "solving", stage: "求解中", progress: 60, gap: 0.05 },
    { status: "done", stage: "已完成", progress: 100, gap: 0 },
  ];
  let call = 0;
  server.use(
    http.get("/api/planning/runs/{id}/", ({ response }) =>
      response(200).json(matchingRun({ ...states[Math.min(call++, states.length - 1)] })),
    ),
  );
  const { queryClient, wrapper, asked } = setUp();

  // when
  const { result } = renderHook(() => useRun(7), { wrapper });

  // then: it reaches "done" by polling, passing through "solving"
  const seen: string[] = [];
  await waitFor(
    () => {
      if (result.current.data) seen.push(`${result.current.data.status}:${result.current.data.progress}`);
      expect(result.current.data?.status).toBe("done");
    },
    { timeout: 5000, interval: 50 },
  );
  expect(seen).toContain("solving:60");
  expect(asked[0]).toBe("/api/planning/runs/7/");

  // and, the run being done, the query polls no more
  const query = queryClient.getQueryCache().find<MatchingRun>({ queryKey: runKeys.detail(7) })!;
  const interval = query.observers[0].options.refetchInterval;
  expect(typeof interval === "function" ? interval(query) : interval).toBe(false);
});

it("does not ask before it has an id", () => {
  const { wrapper, asked } = setUp();
  renderHook(() => useRun(undefined), { wrapper });
  expect(asked).toEqual([]);
});

it("re-runs by starting the same week and scope again, and opens on the new version", async () => {
  // given a done run of a community's week
  const started: unknown[] = [];
  server.use(
    http.post("/api/planning/runs/", async ({ request, response }) => {
      started.push(await request.json());
      return response(202).json(matchingRun({ id: 8, version: 2, status: "queued" }));
    }),
  );
  const { queryClient, wrapper } = setUp();
  const { result } = renderHook(() => matchingRuns.useRerun(), { wrapper });

  // when it is re-run
  result.current.mutate(matchingRun({ id: 7, week: "2026-12-07", level: "community", community: 1, status: "done" }));

  // then the server is asked for the same week and community, and the new run is in the cache
  await waitFor(() => expect(result.current.isSuccess).toBe(true));
  expect(started).toEqual([{ week: "2026-12-07", community: 1 }]);
  expect(queryClient.getQueryData<MatchingRun>(runKeys.detail(8))?.version).toBe(2);
});

it("refreshes the run's review after a pin, and leaves another run's alone", async () => {
  // given the unfilled seats of runs 7 and 9 on screen
  let asked: string[] = [];
  server.use(
    http.get("/api/planning/runs/{id}/unfilled/", ({ params, response }) => {
      asked.push(params.id);
      return response(200).json(page([]));
    }),
    http.patch("/api/planning/runs/{id}/assignments/{assignment_id}/", ({ response }) =>
      response(200).json(assignment),
    ),
  );
  const { queryClient, wrapper } = setUp();
  const { result } = renderHook(
    () => ({ seven: matchingRuns.useUnfilled(7), nine: matchingRuns.useUnfilled(9), pin: matchingRuns.usePinRow(7) }),
    { wrapper },
  );
  await waitFor(() => expect(result.current.seven.isSuccess && result.current.nine.isSuccess).toBe(true));
  asked = [];

  // when a row of run 7 is pinned
  result.current.pin.mutate({ id: 3, pinned: true });

  // then run 7's unfilled seats are asked for again, and run 9's are not (nor marked for it: both would be at once)
  await waitFor(() => expect(asked).toEqual(["7"]));
  const nine = queryClient.getQueryState(matchingRuns.keys.unfilled(9))!;
  expect([nine.isInvalidated, nine.fetchStatus, nine.dataUpdateCount]).toEqual([false, "idle", 1]);
});
