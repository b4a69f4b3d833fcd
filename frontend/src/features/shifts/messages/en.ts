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
  shiftRoster: "Roster",
  qrButton: "Check-in QR",
  qrTitle: "Check-in QR code",
  qrValid: "Valid from {from} until {until}",
  qrHelp: "Show this code at the place; volunteers scan it with their phone to check in and out.",
  // the week's generation
  generateNextWeek: "Generate next week's shifts",
  generateTitle: "Preview of the shifts · week of {week}",
  generateSummary: "{created} shifts will be added; {existing} already exist and are not made again.",
  generateNothing: "Nothing to add: the shifts of posts, projects and needs are all there.",
  generateByOrigin: "{origin}: {count}",
  generateConfirm: "Generate",
  generateDone: "{count} shifts added",
  planNew: "New",
  planExisting: "Exists",
  planCancelled: "Cancelled",
  planResource: "Resource",
  // one shift
  shiftEditTitle: "Edit shift: {title}",
  shiftTitle: "Shift name",
  shiftTitleRequired: "Enter the shift's name",
  shiftDay: "Date",
  shiftDayRequired: "Choose a date",
  shiftHours: "Hours",
  shiftHoursRequired: "Choose when it starts and ends",
  shiftHoursOrder: "The end must come after the start",
  shiftResourceKind: "Resource needed",
  shiftResourceNone: "No resource",
  shiftMinCapacity: "Minimum capacity",
  shiftPublishedEdit:
    "{count} volunteers on this shift were told in a published plan: its time, place and skills can no longer change, and its seats may not go below {count}. To change those, cancel the shift.",
  shiftCancel: "Cancel shift",
  shiftCancelTitle: "Cancel shift: {title}",
  shiftCancelReason: "Reason",
  shiftCancelReasonRequired: "Give a reason",
  shiftCancelTellsVolunteers:
    "{count} volunteers on this shift were told in a published plan: each gets one notice, and their posts end.",
  shiftCancelTellsNobody: "No volunteer was told about this shift yet; nobody is notified.",
  shiftCancelConfirm: "Cancel the shift",
  shiftKeep: "Keep it",
  shiftCancelled: "Cancelled",
  shiftCancelledBecause: "Cancelled: {reason}",
  shiftSaved: "Shift saved",
  shiftCancelDone: "Shift cancelled",
  // resources
  weekShiftsCount: "{count} shifts this week",
};

export default en;
