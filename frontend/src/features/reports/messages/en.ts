// The words of features/reports in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  // reports
  exportsTitle: "Exports",
  exportsHelp:
    "Exports hold the data you may see; the file is written in the background and can be downloaded for 7 days.",
  exportNew: "New export",
  exportKind: "Contents",
  exportKindRequired: "Choose what to export",
  exportKind_service_records: "Service records",
  exportKind_national_records: "Service records (national system's field order)",
  exportKind_unit_ledgers: "Unit ledgers",
  exportFormat: "Format",
  exportFormatRequired: "Choose a format",
  exportRange: "Date range",
  exportRangeHelp: "Leave empty for all dates",
  exportRangeTooLong: "At most 3 years",
  exportSubmit: "Export",
  exportQueued: "Requested; the file is queued",
  exportJobs: "My exports",
  exportJobsEmpty:
    "No exports yet. Choose the contents and the format above and press Export; download the file here when it is done.",
  exportCreated: "Requested",
  exportState: "Progress",
  exportRows: "{done} / {total} rows",
  exportDownload: "Download",
  exportExpires: "Downloadable until {date}",
  exportFailed: "The export failed: {error}",
  exportStatus_queued: "Queued",
  exportStatus_running: "Writing",
  exportStatus_done: "Done",
  exportStatus_failed: "Failed",
  exportMine: "Export my service records",
  exportMineHelp: "Your own service records as CSV or XLSX; download them here when written.",
  feedbackTitle: "Feedback to employers",
  feedbackHelpUnit:
    "Each quarter, the community service of your unit's in-office members (those who agreed to share their record with their employer).",
  feedbackHelpCoordinator:
    "Written every quarter automatically; you can also write a quarter now for every unit of your scope.",
  feedbackEmptyUnit:
    "No feedback report for your unit yet. Reports are written after each quarter; ask your community coordinator to write one earlier.",
  feedbackEmptyCoordinator: "No feedback reports yet. Choose a year and a quarter and press Write reports.",
  feedbackUnit: "Unit",
  feedbackQuarter: "Quarter",
  feedbackQuarterLabel: "{year} Q{quarter}",
  feedbackMembers: "Members",
  feedbackHours: "Hours served",
  feedbackGenerated: "Written",
  feedbackFiles: "Download",
  feedbackWrite: "Write reports",
  feedbackYear: "Year",
  feedbackYearRequired: "Choose a year",
  feedbackQuarterRequired: "Choose a quarter",
  feedbackQuarterFuture: "This quarter has not begun yet",
  feedbackQueued: "Queued: the {year} Q{quarter} reports of {units} units are being written; refresh in a moment.",
  feedbackNoUnits: "Your scope holds no unit: there is no report to write.",
  feedbackRefresh: "Refresh",
};

export default en;
