// The session: who am I (null when signed out), sign in, sign out.
import { QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, ApiError, unwrap, type Schema } from "@/lib/api";
import type { Me } from "@/lib/session";

export const meKey = ["auth", "me"] as const;

/** "Who am I" also carries the platform's version (backend/config/version.py), shown in the footer. */
export type Session = Schema<"Me">;

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await unwrap(apiClient.GET("/api/auth/me/"));
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

/** The platform's version, from the "who am I" answer the app loads anyway (no request of its own). */
export function useVersion(): string | undefined {
  return useMe().data?.version;
}

export type Credentials = Schema<"CredentialsRequest">;

/** Take the signed-in user the server answered with (a password, an SMS code, an accepted invitation). */
export function useSignedIn(): (me: Me) => void {
  const client = useQueryClient();
  return (me) => {
    forgetOthers(client);
    client.setQueryData(meKey, me);
  };
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: Credentials) => unwrap(apiClient.POST("/api/auth/login/", { body })),
    onSuccess: signedIn,
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(apiClient.POST("/api/auth/logout/")),
    onSettled: () => {
      forgetOthers(client);
      client.setQueryData(meKey, null);
    },
  });
}
