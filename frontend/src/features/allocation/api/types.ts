// Shapes of the post allocation endpoints (backend/allocation/apis.py).

export type AllocationStatus = "queued" | "solving" | "done" | "failed" | "cancelled";
export const isActive = (status: AllocationStatus | undefined) => status === "queued" || status === "solving";

export interface AllocationMetrics {
  filled_seats?: number;
  total_seats?: number;
  [key: string]: unknown;
}

export interface AllocationRun {
  id: number;
  level: "community" | "sub_district";
  community: number | null;
  community_name: string | null;
  sub_district: number;
  sub_district_name: string;
  year: number;
  version: number;
  status: AllocationStatus;
  message: string;
  attempts: number;
  time_limit: number;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  stats: { status?: string; gap?: number | null; seconds?: number; metrics?: AllocationMetrics; [key: string]: unknown };
  published: boolean;
  published_at: string | null;
}

export interface AllocationStartInput {
  year: number;
  community?: number | null;
  sub_district?: number | null;
  time_limit?: number | null;
}

export interface Proposal {
  id: number;
  post: number;
  post_name: string;
  post_category: string;
  community_name: string;
  volunteer: number;
  volunteer_number: string;
  volunteer_name: string;
  pinned: boolean;
  source: "solver" | "manual";
  /** Skills the post requires that the member only claims (no coordinator verified that level). */
  unverified_skills: string[];
}

export interface UnfilledPost {
  id: number;
  post: number;
  post_name: string;
  post_priority: number;
  community_name: string;
  missing: number;
  reasons: { code?: string; message: string }[];
  suggestion: string;
}

export type HoldingStatus = "proposed" | "active" | "declined" | "ended";

export interface PostHolding {
  id: number;
  year: number;
  status: HoldingStatus;
  post: number;
  post_name: string;
  category: string;
  community_name: string;
  duties: string;
  schedule: string;
  weekdays: number[];
  start_time: string;
  end_time: string;
  target: string;
  reason: string;
  declined_at: string | null;
}

export interface Option {
  id: number;
  name: string;
}

export interface VolunteerOption {
  id: number;
  number: string;
  name: string;
  home_community_name: string;
}

export function runScope(run: AllocationRun): Pick<AllocationStartInput, "community" | "sub_district"> {
  return run.level === "community" ? { community: run.community } : { sub_district: run.sub_district };
}

export const scopeName = (run: AllocationRun) => run.community_name ?? run.sub_district_name;
