// The allocation run hook polls a queued or solving run until it ends, then stops.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { jsonReply } from "@/test/render";
import { useAllocationRun } from "./runs";

const base = {
  id: 5, level: "community", community: 1, community_name: "百花社区", sub_district: 1, sub_district_name: "林山寨街道",
  year: 2027, version: 1, message: "", attempts: 1, time_limit: 30, created_by: "shequ", created_at: "",
  started_at: null, finished_at: null, stats: {}, published: false, published_at: null,
};

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

it("polls while queued or solving and stops once done", async () => {
  const states = ["queued", "solving", "done"];
  let call = 0;
  fetchMock.mockImplementation(async () => jsonReply(200, { ...base, status: states[Math.min(call++, 2)] }));
  const { result } = renderHook(() => useAllocationRun(5), { wrapper });
  await waitFor(() => expect(result.current.data?.status).toBe("done"), { timeout: 5000, interval: 50 });
  expect(fetchMock.mock.calls[0][0]).toBe("/api/allocation/runs/5/");
  const calls = fetchMock.mock.calls.length;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(fetchMock.mock.calls.length).toBe(calls);
});
