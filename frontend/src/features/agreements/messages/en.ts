// The words of features/agreements in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  agreementsEmpty:
    "No co-building agreements yet. When a unit reports to a community and signs an agreement, record it and its items here.",
  agreementsHelp:
    "A co-building agreement is what a unit promises a community when it reports there: tick each item when it is done, and the progress follows.",
  agreementNew: "New agreement",
  agreementEdit: "Edit agreement",
  agreementTitle: "Title",
  agreementTitleRequired: "Give the agreement a title",
  agreementTitleLong: "A title has at most 128 characters",
  agreementUnit: "Unit",
  agreementUnitRequired: "Choose the unit",
  agreementYearRequired: "Give the year (2000 or later)",
  agreementSignedOn: "Signed on",
  agreementProgress: "Progress",
  agreementItems: "Items",
  agreementItemsNone: "This agreement has no items yet.",
  agreementItem: "Item",
  agreementItemRequired: "Say what the item is",
  agreementItemLong: "An item has at most 200 characters",
  agreementQuantity: "Quantity",
  agreementDone: "Done",
  agreementItemAdd: "Add an item",
  agreementItemRemove: "Remove the item",
  agreementItemSaved: "Progress saved",
  agreementDelete: "Delete",
  agreementDeleteConfirm: "Delete “{title}” and all its items?",
  agreementDeleted: "Agreement deleted",
  agreementRefused: "Not done",
};

export default en;
