// Service records (服务记录): the scoped list, the volunteer's summary, manual entries (补录) and their review.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { api, fetchAll, type Page } from "@/lib/api";

/** RecordOutputSerializer (backend/records/apis.py). */
export interface ServiceRecord {
  id: number;
  volunteer: number;
  volunteer_number: string;
  volunteer_name: string;
  community: number;
  community_name: string;
  title: string;
  date: string;
  place: string;
  /** Masked for everyone but coordinators. */
  recipient: string;
  content: string;
  minutes: number;
  hours: number;
  rating: number | null;
  person_in_charge: string;
  recorder: string | null;
  source: "attendance" | "manual";
  status: "approved" | "pending" | "rejected";
  evidence: string;
  review_note: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
}

/** GET records/mine/summary/ (RecordSummaryApi). */
export interface RecordSummary {
  year: number;
  minutes: number;
  hours: number;
  stars: number;
  next_star: number | null;
  hours_to_next: number | null;
  star_hours: number[];
  year_hours: number;
  points: number;
  pending: number;
}

/** POST records/ (RecordManualInput); a volunteer files their own, so `volunteer` is left out. */
export interface ManualEntry {
  title: string;
  date: string;
  minutes: number;
  evidence: string;
  place?: string;
  recipient?: string;
  content?: string;
  person_in_charge?: string;
  rating?: number | null;
}

export function useRecords(params: ListParams) {
  return useQuery({
    queryKey: ["records", "list", params],
    queryFn: () => api<Page<ServiceRecord>>("records/", { params: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useRecordSummary() {
  return useQuery({ queryKey: ["records", "summary"], queryFn: () => api<RecordSummary>("records/mine/summary/") });
}

export function useCreateRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entry: ManualEntry) => api<ServiceRecord>("records/", { method: "POST", body: entry }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["records"] }),
  });
}

/** Approve or reject a pending manual entry; a rejection needs a note (the server checks again). */
export function useReviewRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: number; action: "approve" | "reject"; note: string }) =>
      api<ServiceRecord>(`records/${id}/${action}/`, { method: "POST", body: { note } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["records"] }),
  });
}

/** Every record in a date range (the unit representative's view of its consenting in-office members). */
export function useRecordsInRange(range: { date_from: string; date_to: string }) {
  return useQuery({
    queryKey: ["records", "range", range],
    queryFn: () => fetchAll<ServiceRecord>("records/", { ...range }, 5000),
    placeholderData: keepPreviousData,
  });
}
