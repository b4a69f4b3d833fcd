// Volunteers in the caller's scope (phone numbers arrive masked); a coordinator's check of a volunteer's claimed
// skill levels (verify, revoke) and the history of the volunteer's own consents; who has activated from the
// invitation (counts per community), re-sending one, and a community's printable sheet of invitation QR codes.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { allPages, apiClient, toApiError, unwrap, type Schema } from "@/lib/api";

export type Volunteer = Schema<"Volunteer">;
export type SkillOption = Schema<"Skill">;
export type VerifySkillInput = Schema<"SkillVerifyInputRequest">;
export type AvailabilityRow = Schema<"WeeklyAvailability">;
export type VolunteerRecord = Schema<"RecordOutput">;

export function useVolunteers(params: ListParams) {
  return useQuery({
    queryKey: ["volunteers", params],
    queryFn: () => unwrap(apiClient.GET("/api/volunteers/", { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useSkillOptions() {
  return useQuery({
    queryKey: ["volunteers", "skills"],
    queryFn: () => unwrap(apiClient.GET("/api/skills/", { params: { query: { page_size: 200 } } })),
    staleTime: 600_000,
  });
}

/** GET volunteers/<id>/: the profile as the coordinator may see it (the phone arrives masked). */
export function useVolunteer(id: number) {
  return useQuery({
    queryKey: ["volunteers", "one", id],
    queryFn: () => unwrap(apiClient.GET("/api/volunteers/{id}/", { params: { path: { id } } })),
  });
}

/** Verify a level (with a note or certificate reference); the profile is read again. */
export function useVerifySkill(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VerifySkillInput) =>
      unwrap(apiClient.POST("/api/volunteers/{id}/verify-skill/", { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["volunteers", "one", id] }),
  });
}

/** Withdraw a verification: the level is a claim again. */
export function useRevokeSkill(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (skill: string) =>
      unwrap(apiClient.POST("/api/volunteers/{id}/revoke-skill/", { params: { path: { id } }, body: { skill } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["volunteers", "one", id] }),
  });
}

export function useVolunteerConsentHistory(id: number) {
  return useQuery({
    queryKey: ["volunteers", "consents", id],
    queryFn: () => unwrap(apiClient.GET("/api/volunteers/{id}/consent-history/", { params: { path: { id } } })),
  });
}

export function useVolunteerAvailability(id: number) {
  return useQuery({
    queryKey: ["volunteers", "availability", id],
    queryFn: () =>
      allPages(
        (page) => unwrap(apiClient.GET("/api/availability/", { params: { query: { ...page, volunteer: id } } })),
        200,
      ),
  });
}

export function useVolunteerHoldings(id: number) {
  return useQuery({
    queryKey: ["volunteers", "holdings", id],
    queryFn: () =>
      allPages(
        (page) => unwrap(apiClient.GET("/api/post-holdings/", { params: { query: { ...page, volunteer: id } } })),
        200,
      ),
  });
}

/** The volunteer's seats in the published plans of the week (the runs of the caller's scope). */
export function useVolunteerWeekAssignments(id: number, week: string) {
  return useQuery({
    queryKey: ["volunteers", "week", id, week],
    queryFn: async () => {
      const runs = await allPages(
        (page) =>
          unwrap(apiClient.GET("/api/planning/runs/", { params: { query: { ...page, week, published: true } } })),
        50,
      );
      const rows = await Promise.all(
        runs.map((run) =>
          allPages(
            (page) =>
              unwrap(
                apiClient.GET("/api/planning/runs/{id}/assignments/", {
                  params: { path: { id: run.id }, query: page },
                }),
              ),
            5000,
          ),
        ),
      );
      return rows
        .flat()
        .filter((row) => row.volunteer === id)
        .sort((a, b) => a.shift_start.localeCompare(b.shift_start));
    },
  });
}

/** The volunteer's service records (服务记录) in the caller's scope, newest first. */
export function useVolunteerRecords(id: number) {
  return useQuery({
    queryKey: ["volunteers", "records", id],
    queryFn: () =>
      allPages(
        (page) => unwrap(apiClient.GET("/api/records/", { params: { query: { ...page, volunteer: id } } })),
        2000,
      ),
  });
}

export type ActivationCount = Schema<"VolunteerActivationOutput">;

/** Per community of the scope: its active volunteers and how many have activated their account. */
export function useActivationCounts() {
  return useQuery({
    queryKey: ["volunteers", "activation"],
    queryFn: () => unwrap(apiClient.GET("/api/volunteers/activation/")),
  });
}

/** 重发邀请: a new invitation by SMS (the one sent before stops working). */
export function useResendInvitation() {
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(apiClient.POST("/api/volunteers/{id}/resend-invitation/", { params: { path: { id } } })),
  });
}

/** The community's sheet of invitation QR codes (a PDF) for its members who have not activated. Printing issues new
 * invitations, so the server's refusal is read like any other; the file is handed to the browser to save. The JSON
 * client cannot carry a PDF, hence the plain request. */
export function useInvitationSheet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (community: number) => {
      const response = await globalThis.fetch(
        `${globalThis.location?.origin ?? ""}/api/communities/${community}/invitation-sheet/`,
        {
          credentials: "same-origin",
        },
      );
      if (!response.ok) {
        let body: unknown;
        try {
          body = await response.json();
        } catch {
          body = undefined;
        }
        throw toApiError(response.status, body);
      }
      const name =
        /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ??
        `invitations-${community}.pdf`;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      link.click();
      URL.revokeObjectURL(url);
      return name;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["volunteers"] }),
  });
}
