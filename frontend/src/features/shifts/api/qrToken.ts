// A shift's signed check-in token, shown as a QR code at the place (coordinators of the shift only).
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api";

export interface QrToken {
  token: string;
  shift: number;
  valid_from: string;
  valid_until: string;
}

export function useShiftQrToken(shiftId: number) {
  return useQuery({
    queryKey: ["shifts", "qr-token", shiftId],
    queryFn: () => api<QrToken>(`attendance/shifts/${shiftId}/qr-token/`),
    staleTime: 60_000,
  });
}
