// Shapes of the planning endpoints (backend/planning/apis.py).

export type RunStatus = "queued" | "building" | "solving" | "saving" | "done" | "failed" | "cancelled";
export const ACTIVE_STATUSES: RunStatus[] = ["queued", "building", "solving", "saving"];
export const isActive = (status: RunStatus | undefined) => !!status && ACTIVE_STATUSES.includes(status);

export interface Recruitment {
  kind: "volunteers" | "resource" | string;
  what: string;
  count: number;
  when?: string;
  near?: string;
  skills?: Record<string, number>;
}

export interface RunMetrics {
  filled_seats?: number;
  total_seats?: number;
  shifts_fully_staffed?: number;
  requests_met?: number;
  requests_total?: number;
  volunteers_used?: number;
  hours_spread?: { max: number; mean: number; std: number; gini: number };
  recruitment?: Recruitment[];
  /** Seats and filled seats per shift priority ("1".."5"), as the solver saw them. */
  by_priority?: Record<string, { seats: number; filled: number }>;
  /** People by whole hours planned in the week ("3": 5 means five people with 3 to under 4 hours). */
  hours_histogram?: Record<string, number>;
  [key: string]: unknown;
}

export type SolverStatus = "optimal" | "within_gap" | "feasible" | "time_limit" | "infeasible";

export interface MatchingRun {
  id: number;
  level: "community" | "sub_district" | "district";
  community: number | null;
  community_name: string | null;
  sub_district: number | null;
  sub_district_name: string | null;
  week: string;
  version: number;
  status: RunStatus;
  stage: string;
  progress: number;
  gap: number | null;
  // What the solver proved: optimal (gap ≤ 0.01%), within_gap (the requested gap), feasible, time_limit, infeasible.
  solver_status?: SolverStatus | null;
  message: string;
  time_limit: number;
  solver: string;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  stats: Record<string, unknown>;
  metrics: RunMetrics;
  published: boolean;
  published_at: string | null;
}

export interface RunStartInput {
  week: string;
  community?: number | null;
  sub_district?: number | null;
  time_limit?: number | null;
}

export interface Assignment {
  id: number;
  shift: number;
  shift_title: string;
  shift_start: string;
  shift_end: string;
  community_name: string;
  volunteer: number;
  volunteer_number: string;
  volunteer_name: string;
  pinned: boolean;
  source: "solver" | "manual";
  /** Skills the shift requires that the volunteer only claims (no coordinator verified that level). */
  unverified_skills: string[];
}

export interface UnfilledSeat {
  id: number;
  shift: number;
  shift_title: string;
  shift_start: string;
  shift_end: string;
  shift_priority: number;
  community_name: string;
  missing: number;
  reasons: { code: string; message: string }[];
  suggestion: string;
}

export interface RunComparison {
  base: number;
  other: number;
  versions: number[];
  metrics: Record<string, (number | null)[]>;
  gap: (number | null)[];
  unfilled_seats: number[];
  assignments: Record<string, number>;
  added: Record<string, number>[];
  removed: Record<string, number>[];
}

export interface ShiftRow {
  id: number;
  community: number;
  community_name: string;
  title: string;
  week: string;
  start: string;
  end: string;
  seats: number;
  priority: number;
}

export interface PlaceOption {
  id: number;
  name: string;
  sub_district?: number;
}

export interface VolunteerOption {
  id: number;
  number: string;
  name: string;
  home_community_name: string;
}

/** The scope a run covers, as the start form and re-run send it. */
export function runScope(run: MatchingRun): Pick<RunStartInput, "community" | "sub_district"> {
  if (run.level === "community") return { community: run.community };
  if (run.level === "sub_district") return { sub_district: run.sub_district };
  return {};
}

export function scopeName(run: MatchingRun, districtLabel: string): string {
  return run.community_name ?? run.sub_district_name ?? districtLabel;
}
