// The volunteer's side: my posts (accept, decline), my attendance and hours, my calendar feed link.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type MyPost = Schema<"MyPost">;
export type PostStatus = MyPost["status"];
export type AttendanceRow = Schema<"AttendanceOutput">;

const postsKey = ["volunteering", "posts"] as const;

export function useMyPosts() {
  return useQuery({
    queryKey: postsKey,
    queryFn: () => allPages((page) => unwrap(apiClient.GET("/api/me/posts/", { params: { query: page } }))),
  });
}

export function useAcceptPost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(apiClient.POST("/api/me/posts/{assignment_id}/accept/", { params: { path: { assignment_id: id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: postsKey }),
  });
}

export function useDeclinePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      unwrap(
        apiClient.POST("/api/me/posts/{assignment_id}/decline/", {
          params: { path: { assignment_id: id } },
          body: { reason },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: postsKey }),
  });
}

export function useMyAttendance() {
  return useQuery({
    queryKey: ["volunteering", "attendance"],
    queryFn: () => allPages((page) => unwrap(apiClient.GET("/api/attendance/mine/", { params: { query: page } }))),
  });
}

const tokenKey = ["volunteering", "calendar-token"] as const;

export function useCalendarToken() {
  return useQuery({ queryKey: tokenKey, queryFn: () => unwrap(apiClient.GET("/api/me/calendar-token/")) });
}

export function useRotateCalendarToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(apiClient.POST("/api/me/calendar-token/rotate/")),
    onSuccess: (token) => client.setQueryData(tokenKey, token),
  });
}
