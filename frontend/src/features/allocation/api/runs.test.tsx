// The allocation run hook polls a queued or solving run until it ends, then stops; a re-run is the server's.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { expect, it } from "vitest";
import { allocationRun } from "@/test/fixtures";
import { http, server } from "@/test/server";
import type { AllocationRun, AllocationStatus } from "./types";
import { allocationKeys, allocationRuns, useAllocationRun } from "./runs";

it("polls while queued or solving and stops once done", async () => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const states: AllocationStatus[] = ["queued", "solving", "done"];
  const asked: string[] = [];
  let call = 0;
  server.use(
    http.get("/api/allocation/runs/{id}/", ({ request, response }) => {
      asked.push(new URL(request.url).pathname);
      return response(200).json(allocationRun({ status: states[Math.min(call++, 2)] }));
    }),
  );
  const { result } = renderHook(() => useAllocationRun(5), { wrapper });
  await waitFor(() => expect(result.current.data?.status).toBe("done"), { timeout: 5000, interval: 50 });
  expect(asked.slice(0, 3)).toEqual(["/api/allocation/runs/5/", "/api/allocation/runs/5/", "/api/allocation/runs/5/"]);
  // the run being done, the query polls no more
  const query = queryClient.getQueryCache().find({ queryKey: allocationKeys.detail(5) })!;
  const interval = query.observers[0].options.refetchInterval;
  expect(typeof interval === "function" ? interval(query) : interval).toBe(false);
});

it("re-runs on the server, which keeps the run's scope and year", async () => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const asked: string[] = [];
  server.use(
    http.post("/api/allocation/runs/{id}/rerun/", ({ request, response }) => {
      asked.push(new URL(request.url).pathname);
      return response(202).json(allocationRun({ id: 6, version: 2, status: "queued" }));
    }),
  );
  const { result } = renderHook(() => allocationRuns.useRerun(), { wrapper });

  result.current.mutate(allocationRun({ id: 5, status: "done" }));

  await waitFor(() => expect(result.current.isSuccess).toBe(true));
  expect(asked).toEqual(["/api/allocation/runs/5/rerun/"]);
  expect(queryClient.getQueryData<AllocationRun>(allocationKeys.detail(6))?.version).toBe(2);
});
