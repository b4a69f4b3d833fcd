// The volunteer's side: my posts (accept, decline), my attendance and hours, my calendar feed link.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAll } from "@/lib/api";

export type PostStatus = "pending" | "accepted" | "declined" | "moved";

export interface MyPost {
  id: number;
  run: number;
  shift: number;
  shift_title: string;
  start: string;
  end: string;
  place: { community: string; address: string; lat: number; lng: number };
  post: { name: string; duties: string } | null;
  status: PostStatus;
  reason: string;
  answered_at: string | null;
  deadline: string;
  others: string[];
}

export interface AttendanceRow {
  id: number;
  shift_title: string;
  shift_start: string;
  shift_end: string;
  community_name: string;
  status: string;
  hours: number;
}

export interface CalendarToken {
  url: string;
  created_at: string;
  rotated_at: string | null;
}

const postsKey = ["volunteering", "posts"] as const;

export function useMyPosts() {
  return useQuery({ queryKey: postsKey, queryFn: () => fetchAll<MyPost>("me/posts/") });
}

export function useAcceptPost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<MyPost>(`me/posts/${id}/accept/`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: postsKey }),
  });
}

export function useDeclinePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      api<MyPost>(`me/posts/${id}/decline/`, { method: "POST", body: { reason } }),
    onSuccess: () => client.invalidateQueries({ queryKey: postsKey }),
  });
}

export function useMyAttendance() {
  return useQuery({ queryKey: ["volunteering", "attendance"], queryFn: () => fetchAll<AttendanceRow>("attendance/mine/") });
}

const tokenKey = ["volunteering", "calendar-token"] as const;

export function useCalendarToken() {
  return useQuery({ queryKey: tokenKey, queryFn: () => api<CalendarToken>("me/calendar-token/") });
}

export function useRotateCalendarToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<CalendarToken>("me/calendar-token/rotate/", { method: "POST" }),
    onSuccess: (token) => client.setQueryData(tokenKey, token),
  });
}
