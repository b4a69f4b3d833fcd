// The words of features/attendance in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  // a shift's roster
  rosterTitle: "Roster: {title}",
  rosterBack: "Back to shifts",
  rosterHelp:
    "The roster comes from the published plan's assignments. Marking someone present or absent, or entering times, needs a reason; the service records follow.",
  rosterEmpty: "This shift has no published assignments.",
  rosterState_expected: "Not checked in",
  rosterState_checked_in: "Checked in, not out",
  rosterState_checked_out: "Checked out",
  rosterState_no_show: "Absent",
  rosterNotExpected: "Not in the plan",
  rosterCheckedIn: "Checked in",
  rosterCheckedOut: "Checked out",
  rosterHours: "Hours served",
  rosterMethod: "Recorded by",
  rosterMethod_qr: "QR code",
  rosterMethod_coordinator: "Coordinator",
  rosterMethod_auto: "Marked automatically",
  rosterNote: "Reason",
  rosterMarkPresent: "Present",
  rosterEditTimes: "Edit times",
  rosterMarkAbsent: "Absent",
  rosterCloseCheckOut: "Close check-out",
  rosterPresentTitle: "Present: {name}",
  rosterAbsentTitle: "Absent: {name}",
  rosterCheckOutTitle: "Close the check-out: {name}",
  rosterAbsentHelp: "Marking absent clears the check-in and check-out; any hours served go to zero.",
  rosterCheckOutHelp: "The check-in at {time} stays; only the check-out is added.",
  rosterCheckInRequired: "Enter the check-in time",
  rosterCheckOutRequired: "Enter the check-out time",
  rosterReason: "Reason",
  rosterReasonRequired: "Say why you record this by hand",
  rosterReasonPlaceholder: "E.g. phone flat, forgot to check out, confirmed absent by phone",
  rosterSaved: "Recorded",
  // the week's no-shows
  noShowsTitle: "No-shows",
  noShowsHelp:
    "Volunteers the published plan expected who did not come, by community. Marked automatically two hours after the shift ends, or by a coordinator on the roster.",
  noShowsEmpty: "No no-shows this week.",
  noShowsCount: "{count} absences",
  noShowsShift: "Shift",
  noShowsBy: "Marked by",
  noShowsBy_system: "System",
  noShowsOpenRoster: "Roster",
};

export default en;
