// The volunteer's own profile: skills (their claims, and the levels coordinators verified), limits (PATCH), their
// consents (each switch its own PATCH, kept in a history), preferences (kinds of service, communities; PATCH), weekly
// availability (rows) and blackouts (their own rows: listed from today, added, deleted).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type VolunteerProfile = Schema<"Volunteer">;
export type Consent = Schema<"ConsentEnum">;
export type ProfileInput = Pick<
  Schema<"PatchedVolunteerSelfRequest">,
  "skills" | "max_hours_per_week" | "max_distance_km"
>;
export type Skill = Schema<"Skill">;
export type Availability = Schema<"WeeklyAvailability">;
export type ServiceKind = Schema<"PreferredKindsEnum">;
export type Preferences = Pick<Schema<"PatchedVolunteerSelfRequest">, "preferred_kinds" | "preferred_communities">;
export type Blackout = Schema<"Blackout">;

export function useProfile(id: number) {
  return useQuery({
    queryKey: ["profile", id],
    queryFn: () => unwrap(apiClient.GET("/api/volunteers/{id}/", { params: { path: { id } } })),
  });
}

export function useSaveProfile(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileInput) =>
      unwrap(apiClient.PATCH("/api/volunteers/{id}/", { params: { path: { id } }, body })),
    onSuccess: (profile) => client.setQueryData(["profile", id], profile),
  });
}

/** Give or withdraw one consent; the profile and the history are read again. */
export function useSetConsent(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ consent, value }: { consent: Consent; value: boolean }) =>
      unwrap(apiClient.PATCH("/api/volunteers/{id}/", { params: { path: { id } }, body: { [consent]: value } })),
    onSuccess: (profile) => client.setQueryData(["profile", id], profile),
    onSettled: () => client.invalidateQueries({ queryKey: ["profile", "consents", id] }),
  });
}

export function useConsentHistory(id: number) {
  return useQuery({
    queryKey: ["profile", "consents", id],
    queryFn: () => unwrap(apiClient.GET("/api/volunteers/{id}/consent-history/", { params: { path: { id } } })),
  });
}

/** The volunteer's preferred kinds of service and communities, saved together. */
export function useSavePreferences(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Preferences) =>
      unwrap(apiClient.PATCH("/api/volunteers/{id}/", { params: { path: { id } }, body })),
    onSuccess: (profile) => client.setQueryData(["profile", id], profile),
  });
}

/** The volunteer's blackouts that end today or later (today: the district's midnight, with its offset). */
export function useBlackouts(volunteer: number, today: string) {
  return useQuery({
    queryKey: ["profile", "blackouts", volunteer, today],
    queryFn: () =>
      allPages((page) =>
        unwrap(
          apiClient.GET("/api/blackouts/", {
            params: { query: { ...page, volunteer, start_after: today, ordering: "start" } },
          }),
        ),
      ),
  });
}

export function useAddBlackout(volunteer: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { start: string; end: string; reason?: string }) =>
      unwrap(apiClient.POST("/api/blackouts/", { body: { ...body, volunteer } })),
    onSettled: () => client.invalidateQueries({ queryKey: ["profile", "blackouts", volunteer] }),
  });
}

export function useDeleteBlackout(volunteer: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(apiClient.DELETE("/api/blackouts/{id}/", { params: { path: { id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: ["profile", "blackouts", volunteer] }),
  });
}

export function useSkills() {
  return useQuery({
    queryKey: ["profile", "skills"],
    queryFn: () => allPages((page) => unwrap(apiClient.GET("/api/skills/", { params: { query: page } }))),
    staleTime: 600_000,
  });
}

export function useAvailability(volunteer: number) {
  return useQuery({
    queryKey: ["profile", "availability", volunteer],
    queryFn: () =>
      allPages((page) => unwrap(apiClient.GET("/api/availability/", { params: { query: { ...page, volunteer } } }))),
  });
}

/** Replace the weekly windows: delete the old rows, create the new ones. */
export function useReplaceAvailability(volunteer: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      old,
      windows,
    }: {
      old: Availability[];
      windows: Omit<Availability, "id" | "volunteer">[];
    }) => {
      for (const row of old)
        await unwrap(apiClient.DELETE("/api/availability/{id}/", { params: { path: { id: row.id } } }));
      for (const w of windows) await unwrap(apiClient.POST("/api/availability/", { body: { ...w, volunteer } }));
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["profile", "availability", volunteer] }),
  });
}
