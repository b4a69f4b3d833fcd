// The session: who am I (null when signed out), sign in, sign out.
import { QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError } from "@/lib/api";
import type { Me } from "@/lib/session";

export const meKey = ["auth", "me"] as const;

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await api<Me>("auth/me/");
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Drop what the previous user saw; keep the "me" query itself, which the app is subscribed to. */
function forgetOthers(client: QueryClient) {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
}

export interface Credentials {
  username: string;
  password: string;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Credentials) => api<Me>("auth/login/", { method: "POST", body }),
    onSuccess: (me) => {
      forgetOthers(client);
      client.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("auth/logout/", { method: "POST" }),
    onSettled: () => {
      forgetOthers(client);
      client.setQueryData(meKey, null);
    },
  });
}
