// The volunteer's own profile: skills (their claims, and the levels coordinators verified), limits (PATCH), their
// consents (each switch its own PATCH, kept in a history), and weekly availability (rows).
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
