// The words of features/ledgers in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  // service records (records), unit ledgers (ledgers)
  ledgersTitle: "Unit ledgers",
  ledgersEmpty: "No ledgers for this month. They are written at the start of each month; try another month.",
  ledgerMonth: "Month",
  ledgerUnit: "Unit",
  ledgerAllMonths: "All months",
  ledgerAllUnits: "All units",
  ledgerProjects: "Projects",
  ledgerBookings: "Bookings",
  ledgerResourceHours: "Resource hours",
  ledgerMembers: "Members who served",
  ledgerMemberHours: "Member hours",
  ledgerEntries: "Entries",
  ledgerBack: "← Back to the ledgers",
  ledgerDetailTitle: "{unit} · {month}",
  ledgerWrittenAt: "Written {time}",
  ledgerProjectsTitle: "Projects taken part in",
  ledgerProjectsEmpty: "No projects this month.",
  ledgerRoles: "How",
  ledgerRole_members: "Members served",
  ledgerRole_resources: "Resources lent",
  ledgerSessions: "Sessions",
  ledgerResourcesTitle: "Resources lent",
  ledgerResourcesEmpty: "No resource was booked this month.",
  ledgerEntriesTitle: "Entries",
  ledgerEntriesEmpty: "No entries yet; coordinators add meetings and activities.",
  ledgerEntriesEmptyCoordinator: "No entries yet; add a meeting, an activity or a note below.",
  ledgerEntryAddTitle: "Add an entry",
  ledgerEntryKind: "Kind",
  ledgerEntryKindRequired: "Choose the kind",
  ledgerKind_meeting: "Meeting attended",
  ledgerKind_activity: "Activity",
  ledgerKind_note: "Note",
  ledgerEntryTitle: "Title",
  ledgerEntryTitleRequired: "Give a title",
  ledgerEntryDate: "Date",
  ledgerEntryNote: "Note",
  ledgerEntryAdd: "Add",
  ledgerEntryAdded: "Added to the ledger.",
};

export default en;
