// The words of features/projects in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  // projects page
  projectsEmpty: "No projects yet. Press “New project”, or tick needs on the needs list and merge them into a project.",
  projectsHelp:
    "A project of frequency “Weekly” with weekdays, a session time and seats makes one shift on each of those days within its period when a week's shifts are generated.",
  newProject: "New project",
  editProject: "Edit project",
  projectFrequency: "Frequency",
  freq_once: "Once",
  freq_weekly: "Weekly",
  freq_monthly: "Monthly",
  projectWeekdays: "Meets on",
  projectWeekdaysHelp:
    "With weekdays chosen, a session time and seats are needed; only a weekly project with weekdays makes shifts by itself",
  projectSession: "Session",
  projectSessionRequired: "Weekdays are chosen: enter the session time",
  projectSeats: "Seats per session",
  projectSeatsRange: "Seats: a whole number from 0 to 200",
  projectSeatsRequired: "Weekdays are chosen: at least 1 seat",
  projectMeets: "Meets",
  projectNeeds: "Needs",
  delete: "Delete",
  projectDeleteConfirm: "Delete the project “{name}”?",
  projectDeleted: "Deleted",
  projectDeleteRefused: "Cannot delete",
  projectResource: "Resource needed",
  projectResourceHelp:
    "With a kind chosen, the matching books one free resource of that kind for each shift (at least this capacity)",
  projectResourceNone: "None",
  projectMinCapacity: "Capacity at least",
  projectPeriodOrder: "The end date cannot be before the start date",
  projectSkillLevels: "Skill levels asked",
  projectSkillLevelsHelp: "The lowest level asked of each skill (1 to 5; 1 when left empty)",
};

export default en;
