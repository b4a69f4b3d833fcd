// Check in and out of a shift with the token read from its QR code.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient, unwrap } from "@/lib/api";

export function useCheck(direction: "in" | "out") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      unwrap(
        apiClient.POST(direction === "in" ? "/api/attendance/check-in/" : "/api/attendance/check-out/", {
          body: { token },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["volunteering"] }),
  });
}
