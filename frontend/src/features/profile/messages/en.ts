// The words of features/profile in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  // volunteer
  skillRequired: "Choose a skill",
  addSkill: "Add a skill",
  hoursInvalid: "Between 0 and 60 hours a week",
  maxDistance: "Farthest distance (km)",
  distanceInvalid: "Distance cannot be negative",
  consentRank: "Show my name in rankings",
  consentUnit: "Share my service record with my employer",
  availabilityHelp: "Tap or drag to choose",
  saveAvailability: "Save availability",
  availabilitySaved: "Availability saved",
  noVolunteerRecord: "Your account has no volunteer record yet; ask your community.",
  // resources
  employer: "Employer",
  // consents and skill verification
  consentTitle: "Consents",
  consentIntro:
    "Your consents are yours alone to give or withdraw at any time; neither your community nor your employer can set them for you. Every change is kept with its time.",
  consentRankHelp: "Your name and hours then appear in your community's and your employer's rankings.",
  consentUnitHelp: "Your employer unit then sees your name, hours and service records (not your home or grid).",
  consentUnitNoEmployer: "No employer unit is on your profile yet: nothing is shared with any unit.",
  consentGiven: "Consent given",
  consentWithdrawn: "Consent withdrawn",
  consentByYou: "by you",
  consentBy: "by {name}",
  skillsClaimHelp:
    "Levels are your own claims. Medical, legal and electrical skills count for matching only once your community has verified them; other skills count as you give them.",
  skillClaimed: "Claimed",
  // preferences
  preferences: "Service preferences",
  preferencesHelp:
    "Optional. Planning tries to give you shifts of these kinds or in these communities, without a promise.",
  preferredKinds: "Kinds of service I prefer",
  preferredCommunities: "Communities I prefer",
  savePreferences: "Save preferences",
  preferencesSaved: "Preferences saved",
  serviceKind_policy: "Policy publicity",
  serviceKind_patrol: "Safety patrol",
  serviceKind_sanitation: "Sanitation watch",
  serviceKind_civility: "Civility guide",
  serviceKind_mediation: "Dispute mediation",
  serviceKind_hardship: "Hardship help",
  serviceKind_courtyard: "Courtyard head",
  serviceKind_legal: "Legal",
  serviceKind_elderly: "Elderly care",
  serviceKind_children: "Children and youth",
  serviceKind_health: "Health",
  serviceKind_environment: "Environment",
  serviceKind_culture: "Culture and education",
  serviceKind_safety: "Safety",
  serviceKind_other: "Other",
  // blackouts
  blackouts: "Days I am away",
  blackoutsHelp: "Trips, hospital stays: planning leaves these times out",
  noBlackouts: "Nothing from today on",
  blackoutKind: "Enter as",
  blackoutWholeDays: "Whole days",
  blackoutTimes: "Times",
  blackoutWhen: "When",
  blackoutWhenRequired: "Choose the start and the end",
  blackoutReason: "Reason (optional)",
  blackoutReasonPlaceholder: "e.g. a business trip",
  blackoutAdd: "Add",
  blackoutAdded: "Added",
  blackoutDelete: "Delete",
  blackoutDeleteConfirm: "Delete this entry?",
  blackoutDeleted: "Deleted",
};

export default en;
