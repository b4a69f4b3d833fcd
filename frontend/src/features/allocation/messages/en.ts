// The words of features/allocation in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  // resources
  yearRequired: "Enter a year",
  yearInvalid: "The year is between 2000 and 2100",
  allocationTitle: "Post allocation",
  allocationIntro:
    "Fill a year's standing posts (一编三定) with members: allocate automatically, review, then publish.",
  startAllocationTitle: "Start an allocation",
  startAllocation: "Start allocation",
  allocationEmpty: "No allocation runs yet. Choose a year and scope, then start one.",
  filledPostSeats: "Post seats filled",
  allocationProgressTitle: "Allocation in progress",
  allocationProgressText: "Allocating the {year} posts of {scope}…",
  allocationRunTitle: "{scope} · posts of {year}",
  allocationPublishConfirm:
    "Members are told once it is published, and the year's allocation of this scope can no longer change. Publish?",
  allocationPublishedOk: "The allocation is published; members are told.",
  allocationReadOnly: "This year is published: read only.",
  solveSeconds: "Solve time (s)",
  tabProposals: "Proposals",
  tabUnfilledPosts: "Unfilled posts",
  proposalsEmpty: "This run proposes nobody.",
  unfilledPostsEmpty: "Every post is filled.",
  addProposalTitle: "Propose by hand",
  postRequired: "Choose a post",
  removeProposalConfirm: "Remove {name} from “{post}”? The next run will not propose it again.",
  postCategory_policy: "Policy publicity",
  postCategory_patrol: "Safety patrol",
  postCategory_sanitation: "Sanitation watch",
  postCategory_civility: "Civility guide",
  postCategory_mediation: "Dispute mediation",
  postCategory_hardship: "Hardship help",
  postCategory_courtyard: "Courtyard head",
  postCategory_legal: "Legal advice",
  postCategory_other: "Other",
  myHoldingsTitle: "My standing posts",
  myHoldingsEmpty: "You hold no standing post. You are told when your community publishes its allocation.",
  holdingDeclineTitle: "Decline the standing post",
  holdingDeclineHelp: "Service is voluntary; a reason helps the community find someone else",
  holdingDeclined: "Declined; the community's coordinators are told.",
  declinedAt: "Declined {time}",
};

export default en;
