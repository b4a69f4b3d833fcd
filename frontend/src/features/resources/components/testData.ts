// Whole rows as the server's schema describes them, for the resource pages' tests to change a few fields of.
import type { Schema } from "@/lib/api";
import type { Me } from "@/lib/session";

export const unitRep: Me = {
  id: 4,
  username: "danwei",
  display_name: "联络员",
  role: "unit_representative",
  sub_district: null,
  community: null,
  unit: 1,
  volunteer: null,
};

export function resource(fields: Partial<Schema<"Resource">> = {}): Schema<"Resource"> {
  return {
    id: 9,
    unit: 1,
    unit_name: "中原区财政局",
    community: 1,
    community_name: "百花社区",
    name: "会议室",
    category: "venue",
    capacity: 40,
    features: [],
    address: "",
    lat: 34.75,
    lng: 113.63,
    conditions: "",
    status: "listed",
    facility: null,
    slots: [],
    ...fields,
  };
}

export function withdrawal(fields: Partial<Schema<"WithdrawalOutput">> = {}): Schema<"WithdrawalOutput"> {
  return {
    id: 1,
    resource: 9,
    resource_name: "会议室",
    date: "2026-12-08",
    reason: "单位内部活动",
    created_by: "danwei",
    created_at: "2026-01-01T08:00:00+08:00",
    backfilled_at: null,
    can_take_back: true,
    ...fields,
  };
}

export function booking(fields: Partial<Schema<"UnitBooking">> = {}): Schema<"UnitBooking"> {
  return {
    id: 9,
    run: 1,
    resource: 5,
    resource_name: "财政局会议室",
    unit_name: "中原区财政局",
    request: 1,
    request_kind: "venue",
    min_capacity: 20,
    shift: 3,
    shift_title: "议事会",
    date: "2026-12-09",
    start: "2026-12-09T09:00:00+08:00",
    end: "2026-12-09T11:00:00+08:00",
    community: 1,
    community_name: "百花社区",
    address: "",
    withdrawn: false,
    replaces: null,
    ...fields,
  };
}
