// Check in and out of a shift with the token read from its QR code.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api";
import type { AttendanceRow } from "./myPosts";

export function useCheck(direction: "in" | "out") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api<AttendanceRow & { checked_in_at: string | null; checked_out_at: string | null }>(
      `attendance/check-${direction}/`, { method: "POST", body: { token } },
    ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["volunteering"] }),
  });
}
