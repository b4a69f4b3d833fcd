// Whole objects as the server's schema describes them, for tests to change a few fields of.
import type { Schema } from "@/lib/api";

/** The community the tests' coordinator works in (render.tsx's `coordinator`). */
export const community: Schema<"Community"> = {
  id: 1,
  sub_district: 1,
  name: "百花社区",
  code: "C1",
  lat: 34.75,
  lng: 113.62,
};

export function page<T>(results: T[]) {
  return { count: results.length, next: null, previous: null, results };
}

export function matchingRun(fields: Partial<Schema<"MatchingRunOutput">> = {}): Schema<"MatchingRunOutput"> {
  return {
    id: 7,
    level: "community",
    community: 1,
    community_name: "百花社区",
    sub_district: 1,
    sub_district_name: "林山寨街道",
    week: "2026-11-30",
    version: 1,
    status: "done",
    stage: "",
    progress: 100,
    solver_status: null,
    gap: null,
    message: "",
    attempts: 1,
    heartbeat: null,
    time_limit: 30,
    solver: "highs",
    created_by: "shequ",
    created_at: "2026-11-20T10:00:00+08:00",
    started_at: null,
    finished_at: null,
    stats: {},
    metrics: {},
    published: false,
    published_at: null,
    ...fields,
  };
}

export const skillCatalogue: Schema<"Skill">[] = [
  { id: 1, code: "first_aid", name: "应急救护", name_en: "First aid", requires_verification: false },
  { id: 2, code: "driving", name: "驾驶", name_en: "Driving", requires_verification: false },
];

export function allocationRun(fields: Partial<Schema<"AllocationRunOutput">> = {}): Schema<"AllocationRunOutput"> {
  return {
    id: 5,
    level: "community",
    community: 1,
    community_name: "百花社区",
    sub_district: 1,
    sub_district_name: "林山寨街道",
    year: 2027,
    version: 1,
    status: "done",
    message: "",
    attempts: 1,
    time_limit: 30,
    created_by: "shequ",
    created_at: "2026-11-20T10:00:00+08:00",
    started_at: null,
    finished_at: null,
    stats: {},
    published: false,
    published_at: null,
    ...fields,
  };
}

export function post(fields: Partial<Schema<"Post">> = {}): Schema<"Post"> {
  return {
    id: 11,
    community: 1,
    community_name: "百花社区",
    name: "政策宣传员",
    category: "policy",
    start_time: "09:00:00",
    end_time: "11:00:00",
    schedule: "每周六 09:00–11:00",
    third_label: "time",
    lat: 34.75,
    lng: 113.62,
    ...fields,
  };
}

export function volunteer(fields: Partial<Schema<"Volunteer">> = {}): Schema<"Volunteer"> {
  return {
    id: 21,
    number: "V0021",
    name: "王芳",
    kind: "resident",
    phone_display: "138****0021",
    employer_unit_name: null,
    home_community: 1,
    home_community_name: "百花社区",
    consent_rank_name: false,
    consent_share_with_unit: false,
    report_confirmed_at: null,
    activated: true,
    ...fields,
  };
}

export function need(fields: Partial<Schema<"Need">> = {}): Schema<"Need"> {
  return {
    id: 9,
    title: "助老陪诊",
    source: "resident",
    community: 1,
    community_name: "秦江社区",
    category: "elderly",
    type: "service",
    owner: null,
    owner_name: null,
    status: "pending",
    status_changed_at: null,
    finished_at: null,
    overdue: false,
    rating_score: null,
    rating_comment: "",
    rated_by: null,
    rated_at: null,
    taker: null,
    taken_at: null,
    created_at: "2026-11-20T10:00:00+08:00",
    ...fields,
  };
}
