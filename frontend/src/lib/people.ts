// Shapes of a volunteer profile that both the volunteer's own pages and the coordinators' read
// (backend/people/serializers.py): a coordinator's verification of a claimed skill, and a change of a consent.

/** A coordinator's check of one claimed skill (`verified_skills` of a profile; verify-skill's answer). */
export interface SkillVerification {
  skill: string;
  level: number;
  note: string;
  verified_by: string | null;
  verified_at: string;
}

export type Consent = "consent_rank_name" | "consent_share_with_unit";

/** One change of a volunteer's consent (volunteers/<id>/consent-history/), newest first. */
export interface ConsentChange {
  id: number;
  consent: Consent;
  old_value: boolean;
  new_value: boolean;
  changed_at: string;
  changed_by: string | null;
  by_volunteer: boolean;
}
