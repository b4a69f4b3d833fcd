// The progress hook: it polls a working run until the run ends, then stops.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { jsonReply } from "@/test/render";
import { useRun } from "./runs";
import type { MatchingRun } from "./types";

const base = {
  id: 7, level: "community", community: 1, community_name: "百花社区", sub_district: 1, sub_district_name: "林山寨街道",
  week: "2026-11-30", version: 1, message: "", time_limit: 30, solver: "highs", created_by: "shequ",
  created_at: "", started_at: null, finished_at: null, stats: {}, metrics: {}, published: false, published_at: null,
} as const;

const fetchMock = vi.fn();
beforeEach(() => vi.stubGlobal("fetch", fetchMock));
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

it("follows stage, progress and gap until the run is done, then stops polling", async () => {
  // given: the server reports queued, then solving, then done
  const states: Partial<MatchingRun>[] = [
    { status: "queued", stage: "排队中", progress: 0, gap: null },
    { status: "solving", stage: "求解中", progress: 60, gap: 0.05 },
    { status: "done", stage: "已完成", progress: 100, gap: 0 },
  ];
  let call = 0;
  fetchMock.mockImplementation(async () => jsonReply(200, { ...base, ...states[Math.min(call++, states.length - 1)] }));

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
  expect(fetchMock.mock.calls[0][0]).toBe("/api/planning/runs/7/");

  // and no further request once done
  const calls = fetchMock.mock.calls.length;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(fetchMock.mock.calls.length).toBe(calls);
});

it("does not ask before it has an id", () => {
  renderHook(() => useRun(undefined), { wrapper });
  expect(fetchMock).not.toHaveBeenCalled();
});
