// The words of features/insights in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  // insights
  insTitle: "Trends",
  insHelp: "Figures of your scope per week (Monday to Sunday).",
  insWeeks: "Period",
  insWeeksOption: "Last {weeks} weeks",
  insCommunity: "Community",
  insAllCommunities: "All communities in scope",
  insPeriod: "{start} to {end}, {scope}",
  insSeatsRate: "Seats filled",
  insSeatsRateSeries: "Filled (%)",
  insSeatsEmpty:
    "No published plan in this period: once plans are published, the weekly share of seats filled shows here.",
  insNeeds: "Needs due: closed in time or late",
  insNeedsInTime: "In time",
  insNeedsLate: "Late",
  insNeedsOpen: "Open",
  insNeedsEmpty: "No need fell due in this period.",
  insHours: "Hours per community",
  insHoursEmpty: "No approved service hours in this period yet.",
  insFairness: "Fairness of hours (Gini coefficient)",
  insFairnessHelp:
    "The lower the Gini coefficient, the more evenly hours spread over volunteers (0 is perfectly even).",
  insGini: "Gini",
  insResources: "Idle resources used, per unit",
  insResourcesByCategory: "Idle resources used, per category",
  insOffered: "Offered hours",
  insBooked: "Booked hours",
  insOwnRooms: "The community's own rooms",
  insResourcesEmpty: "No resource offered free time in this period: add free time to resources in the resources list.",
  insMissing: "Skills most often missing (what to recruit)",
  insMissingHelp: "Skills required by unfilled seats, by the gap: recruit volunteers with these first.",
  insMissingEmpty: "No seat stayed unfilled for want of a skill in this period.",
  insRank: "Rank",
  insSkill: "Skill",
  insMissingSeats: "Seats short",
  insNobody: "Nobody in range has it",
  insShifts: "Shifts",
  insCommunities: "Communities",
  insMaxLevel: "Highest level asked",
  insNoSkillSeats: "Besides, {seats} unfilled seats asked no skill and {rooms} were short only of a room.",
};

export default en;
