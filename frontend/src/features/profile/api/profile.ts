// The volunteer's own profile: skills (their claims, and the levels coordinators verified), limits (PATCH), their
// consents (each switch its own PATCH, kept in a history), and weekly availability (rows).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAll } from "@/lib/api";
import type { Consent, ConsentChange, SkillVerification } from "@/lib/people";

export type { Consent, ConsentChange };

export interface VolunteerProfile {
  id: number;
  number: string;
  name: string;
  kind: string;
  phone_display: string;
  home_community_name: string;
  employer_unit_name: string | null;
  skills: Record<string, number>;
  languages: string[];
  max_hours_per_week: number;
  max_distance_km: number | null;
  consent_rank_name: boolean;
  consent_share_with_unit: boolean;
  verified_skills: SkillVerification[];
}

export type ProfileInput = Pick<VolunteerProfile, "skills" | "max_hours_per_week" | "max_distance_km">;

export interface Skill {
  id: number;
  code: string;
  name: string;
  name_en: string;
  requires_verification: boolean;
}

export interface Availability {
  id: number;
  volunteer: number;
  weekday: number;
  start_time: string;
  end_time: string;
}

export function useProfile(id: number) {
  return useQuery({ queryKey: ["profile", id], queryFn: () => api<VolunteerProfile>(`volunteers/${id}/`) });
}

export function useSaveProfile(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileInput) => api<VolunteerProfile>(`volunteers/${id}/`, { method: "PATCH", body }),
    onSuccess: (profile) => client.setQueryData(["profile", id], profile),
  });
}

/** Give or withdraw one consent; the profile and the history are read again. */
export function useSetConsent(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ consent, value }: { consent: Consent; value: boolean }) =>
      api<VolunteerProfile>(`volunteers/${id}/`, { method: "PATCH", body: { [consent]: value } }),
    onSuccess: (profile) => client.setQueryData(["profile", id], profile),
    onSettled: () => client.invalidateQueries({ queryKey: ["profile", "consents", id] }),
  });
}

export function useConsentHistory(id: number) {
  return useQuery({
    queryKey: ["profile", "consents", id],
    queryFn: () => api<ConsentChange[]>(`volunteers/${id}/consent-history/`),
  });
}

export function useSkills() {
  return useQuery({ queryKey: ["profile", "skills"], queryFn: () => fetchAll<Skill>("skills/"), staleTime: 600_000 });
}

export function useAvailability(volunteer: number) {
  return useQuery({
    queryKey: ["profile", "availability", volunteer],
    queryFn: () => fetchAll<Availability>("availability/", { volunteer }),
  });
}

/** Replace the weekly windows: delete the old rows, create the new ones. */
export function useReplaceAvailability(volunteer: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ old, windows }: { old: Availability[]; windows: Omit<Availability, "id" | "volunteer">[] }) => {
      for (const row of old) await api<void>(`availability/${row.id}/`, { method: "DELETE" });
      for (const w of windows) await api<Availability>("availability/", { method: "POST", body: { ...w, volunteer } });
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["profile", "availability", volunteer] }),
  });
}
