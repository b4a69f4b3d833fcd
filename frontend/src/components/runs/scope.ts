// The scope a run covers (a community, a sub-district, or the whole district), as the start form's choice, the
// API's parameters and a name.
import type { RunShape } from "./api";

export type RunScope = { community?: number | null; sub_district?: number | null };

/** The start form's choice (`community:3`, `sub_district:2`, `district`) as the API's parameters. */
export function parseScope(scope: string): { community?: number; sub_district?: number } {
  const [kind, id] = scope.split(":");
  if (kind === "community") return { community: Number(id) };
  if (kind === "sub_district") return { sub_district: Number(id) };
  return {};
}

/** The scope a run covers, as the start form and a re-run send it. */
export function runScope(run: RunShape): RunScope {
  if (run.level === "community") return { community: run.community };
  if (run.level === "sub_district") return { sub_district: run.sub_district };
  return {};
}

/** A scope as list filters (none for the district). */
export const scopeQuery = (scope: RunScope) => ({
  community: scope.community ?? undefined,
  sub_district: scope.sub_district ?? undefined,
});

export const scopeName = (run: RunShape, districtLabel: string) =>
  run.community_name ?? run.sub_district_name ?? districtLabel;
