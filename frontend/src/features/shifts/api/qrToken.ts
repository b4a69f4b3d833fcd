// A shift's signed check-in token, shown as a QR code at the place (coordinators of the shift only).
import { useQuery } from "@tanstack/react-query";
import { apiClient, unwrap } from "@/lib/api";

export function useShiftQrToken(shiftId: number) {
  return useQuery({
    queryKey: ["shifts", "qr-token", shiftId],
    queryFn: () =>
      unwrap(apiClient.GET("/api/attendance/shifts/{shift_id}/qr-token/", { params: { path: { shift_id: shiftId } } })),
    staleTime: 60_000,
  });
}
