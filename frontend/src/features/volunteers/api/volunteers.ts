// Volunteers in the caller's scope (phone numbers arrive masked); a coordinator's check of a volunteer's claimed
// skill levels (verify, revoke) and the history of the volunteer's own consents.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { api, fetchAll, type Page } from "@/lib/api";
import type { ConsentChange, SkillVerification } from "@/lib/people";

export interface Volunteer {
  id: number;
  number: string;
  name: string;
  kind: string;
  phone_display: string;
  home_community_name: string;
  employer_unit_name: string | null;
  skills: Record<string, number>;
  max_hours_per_week: number;
  active: boolean;
}

export function useVolunteers(params: ListParams) {
  return useQuery({
    queryKey: ["volunteers", params],
    queryFn: () => api<Page<Volunteer>>("volunteers/", { params: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export interface SkillOption {
  code: string;
  name: string;
  name_en: string;
  requires_verification: boolean;
}

export function useSkillOptions() {
  return useQuery({
    queryKey: ["volunteers", "skills"],
    queryFn: () => api<Page<SkillOption>>("skills/", { params: { page_size: 200 } }),
    staleTime: 600_000,
  });
}

/** GET volunteers/<id>/: the profile as the coordinator may see it (the phone arrives masked). */
export interface VolunteerDetail extends Volunteer {
  employer_unit: number | null;
  home_community: number;
  languages: string[];
  max_distance_km: number | null;
  consent_rank_name: boolean;
  consent_share_with_unit: boolean;
  reported_community: number | null;
  reported_at: string | null;
  verified_skills: SkillVerification[];
}

export interface VerifySkillInput {
  skill: string;
  level: number;
  note: string;
}

export interface AvailabilityRow {
  id: number;
  weekday: number;
  start_time: string;
  end_time: string;
}

export interface HoldingRow {
  id: number;
  post: number;
  post_name: string;
  year: number;
  status: string;
}

export interface WeekAssignment {
  id: number;
  shift: number;
  shift_title: string;
  shift_start: string;
  shift_end: string;
  community_name: string;
  volunteer: number;
}

export interface VolunteerRecord {
  id: number;
  title: string;
  date: string;
  place: string;
  community_name: string;
  hours: number;
  rating: number | null;
  source: string;
  status: "approved" | "pending" | "rejected";
}

export function useVolunteer(id: number) {
  return useQuery({ queryKey: ["volunteers", "one", id], queryFn: () => api<VolunteerDetail>(`volunteers/${id}/`) });
}

/** Verify a level (with a note or certificate reference); the profile is read again. */
export function useVerifySkill(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VerifySkillInput) => api<SkillVerification>(`volunteers/${id}/verify-skill/`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["volunteers", "one", id] }),
  });
}

/** Withdraw a verification: the level is a claim again. */
export function useRevokeSkill(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (skill: string) => api<void>(`volunteers/${id}/revoke-skill/`, { method: "POST", body: { skill } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["volunteers", "one", id] }),
  });
}

export function useVolunteerConsentHistory(id: number) {
  return useQuery({
    queryKey: ["volunteers", "consents", id],
    queryFn: () => api<ConsentChange[]>(`volunteers/${id}/consent-history/`),
  });
}

export function useVolunteerAvailability(id: number) {
  return useQuery({
    queryKey: ["volunteers", "availability", id],
    queryFn: () => fetchAll<AvailabilityRow>("availability/", { volunteer: id }, 200),
  });
}

export function useVolunteerHoldings(id: number) {
  return useQuery({
    queryKey: ["volunteers", "holdings", id],
    queryFn: () => fetchAll<HoldingRow>("post-holdings/", { volunteer: id }, 200),
  });
}

/** The volunteer's seats in the published plans of the week (the runs of the caller's scope). */
export function useVolunteerWeekAssignments(id: number, week: string) {
  return useQuery({
    queryKey: ["volunteers", "week", id, week],
    queryFn: async () => {
      const runs = await fetchAll<{ id: number }>("planning/runs/", { week, published: "true" }, 50);
      const rows = await Promise.all(runs.map((run) => fetchAll<WeekAssignment>(`planning/runs/${run.id}/assignments/`, {}, 5000)));
      return rows.flat().filter((row) => row.volunteer === id).sort((a, b) => a.shift_start.localeCompare(b.shift_start));
    },
  });
}

/** The volunteer's service records (服务记录) in the caller's scope, newest first. */
export function useVolunteerRecords(id: number) {
  return useQuery({
    queryKey: ["volunteers", "records", id],
    queryFn: () => fetchAll<VolunteerRecord>("records/", { volunteer: id }, 2000),
  });
}

export interface CommunityOption {
  id: number;
  name: string;
}

/** The communities of the caller's scope (the server lists only those). */
export function useCommunityOptions() {
  return useQuery({
    queryKey: ["volunteers", "communities"],
    queryFn: () => fetchAll<CommunityOption>("communities/"),
    staleTime: 600_000,
  });
}
