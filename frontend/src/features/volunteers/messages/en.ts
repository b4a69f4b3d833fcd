// The words of features/volunteers in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  // generic
  yes: "Yes",
  no: "No",
  // lists
  volunteersEmpty: "No volunteer matches; try another word.",
  volKind_in_office: "In-office member",
  volKind_non_post: "Non-post member",
  volKind_retired: "Retired member",
  volKind_resident: "Resident volunteer",
  availableOn: "Free on",
  // service records (records), unit ledgers (ledgers)
  employerUnit: "Employer",
  volunteerProfile: "Volunteer profile",
  volunteerOpen: "Profile",
  volunteerActive: "Active",
  volunteerInactive: "Inactive",
  volunteerAvailability: "Weekly availability",
  volunteerNoAvailability:
    "No availability yet; ask the volunteer to fill it in under Profile so that the matching can place them.",
  volunteerPosts: "Posts held",
  volunteerNoPosts: "No standing post; posts are allocated under Posts.",
  volunteerThisWeek: "This week (from {date})",
  volunteerNoWeek: "Not in this week's published plans",
  volunteerRecords: "Service records",
  volunteerHoursAll: "Hours in all (approved)",
  volunteerHoursYear: "Hours this year",
  volunteerNoRecords: "No service records yet: they appear after check-in and check-out, or an approved manual entry.",
  // consents and skill verification
  consentOwnNote: "Only the volunteer can change their consents, on their own profile.",
  consentChangedBy: "By",
  consentByVolunteer: "the volunteer",
  skillVerifyTitle: "Skills and verification",
  skillVerifyHelp:
    "Levels a volunteer gives are claims. Skills that need verification (medical, legal, electrical work) count for matching only once verified, and never above the verified level.",
  skillClaimedLevel: "Claimed {level}",
  skillVerify: "Verify",
  skillReverify: "Verify again",
  skillRevoke: "Revoke",
  skillRevokeConfirm: "Revoke the verification of “{skill}”? The level is then a claim again.",
  skillVerifyModal: "Verify “{skill}”",
  skillVerifyLevel: "Verified level",
  skillVerifyNote: "Note or certificate reference",
  skillVerified: "Verified",
  skillRevoked: "Verification revoked",
  skillVerifyBy: "verified by {name} on {date}",
  skillVerifyNone: "No skills given",
  // invitations
  activation: "Activation",
  activatedYes: "Activated",
  activatedNo: "Not activated",
  activationCount: "{activated} of {total} activated",
  invitationResend: "Resend invitation",
  invitationResendConfirm: "Send {name} a new invitation by SMS? The one sent before stops working.",
  invitationResent: "A new invitation is on its way to {name}",
  invitationSheet: "Invitation QR sheet",
  invitationSheetConfirm:
    "Make a printable sheet of invitation QR codes for this community's members who have not activated? Every link printed or sent by SMS before stops working.",
  invitationSheetDone: "The QR sheet is downloaded: print it and let each member scan their code.",
  invitationRefused: "Not done",
};

export default en;
