// The words of features/shifts in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  // lists
  shiftsEmpty: "No shifts this week. Shifts made from needs and posts appear here.",
  origin: "Origin",
  origin_need: "Need",
  origin_post: "Post",
  origin_project: "Project",
  // volunteer
  qrButton: "Check-in QR",
  qrTitle: "Check-in QR code",
  qrValid: "Valid from {from} until {until}",
  qrHelp: "Show this code at the place; volunteers scan it with their phone to check in and out.",
  // resources
  weekShiftsCount: "{count} shifts this week",
};

export default en;
