// What the planning pages pick from beyond every run's lookups (components/runs/lookups.ts): the week's shifts.
import { useQuery } from "@tanstack/react-query";
import { scopeQuery, type RunScope } from "@/components/runs/scope";
import { allPages, apiClient, unwrap } from "@/lib/api";

/** The shifts a run plans: its week, in its scope. */
export function useWeekShifts(week: string, scope: RunScope, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ["planning", "shifts", week, scope.community ?? null, scope.sub_district ?? null],
    queryFn: () =>
      allPages(
        (page) => unwrap(apiClient.GET("/api/shifts/", { params: { query: { ...page, week, ...scopeQuery(scope) } } })),
        5000,
      ),
    staleTime: 60_000,
  });
}
