// A shift's roster (who is expected, who checked in and out), the coordinator's record of a volunteer on it (present
// with times, or absent, always with a reason) and the week's no-shows (the attendance list, filtered).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type Roster = Schema<"AttendanceRoster">;
export type RosterEntry = Schema<"AttendanceRosterEntry">;
export type AttendanceRow = Schema<"AttendanceOutput">;
/** POST attendance/shifts/{id}/record/: the volunteer, present or absent, the times by hand and why. */
export type AttendanceRecord = Schema<"AttendanceRecordInputRequest">;

export function useRoster(shiftId: number) {
  return useQuery({
    queryKey: ["attendance", "roster", shiftId],
    queryFn: () =>
      unwrap(apiClient.GET("/api/attendance/shifts/{shift_id}/roster/", { params: { path: { shift_id: shiftId } } })),
  });
}

export function useRecordAttendance(shiftId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AttendanceRecord) =>
      unwrap(
        apiClient.POST("/api/attendance/shifts/{shift_id}/record/", { params: { path: { shift_id: shiftId } }, body }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["attendance"] }),
  });
}

/** Every no-show of the week holding `week` in the caller's scope (a week's are a few dozen at most). */
export function useNoShows(week: string) {
  return useQuery({
    queryKey: ["attendance", "no-shows", week],
    queryFn: () =>
      allPages((page) =>
        unwrap(apiClient.GET("/api/attendance/", { params: { query: { status: "no_show", week, ...page } } })),
      ),
    placeholderData: keepPreviousData,
  });
}
