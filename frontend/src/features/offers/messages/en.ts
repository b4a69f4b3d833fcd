// The words of features/offers in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  offersEmpty:
    "The service menu is empty. Teams and units in the area list the services they stand ready to give here, and residents and communities order from it.",
  offersHelp:
    "The service menu lists the standing services of teams and units in the area, with their conditions. An order taken for a resident files a need awaiting review, owned by whoever took it.",
  offerNew: "New service",
  offerEdit: "Edit service",
  offerTitle: "Service",
  offerTitleRequired: "Name the service",
  offerTitleLong: "At most 64 characters",
  offerProvider: "Offered by",
  offerProviderKind: "Offered by a",
  offerProviderTeam: "Team",
  offerProviderUnit: "Unit in the area",
  offerTeamRequired: "Choose the team that offers it",
  offerUnitRequired: "Choose the unit that offers it",
  offerCategoryRequired: "Choose a category",
  offerType: "Kind of help",
  offerDescription: "What it is",
  offerConditions: "Conditions",
  offerConditionsHelp: "For example: elderly people living alone in the area; book three days ahead",
  offerSchedule: "When",
  offerScheduleHelp: "For example: the first Saturday morning of each month",
  offerHeadcount: "People needed each time",
  offerOpenLimit: "Open orders at most",
  offerOpenLimitHelp:
    "Empty: no limit. With that many orders open the menu shows it fully booked until one is done or closed",
  offerFull: "Fully booked",
  offerActive: "On the menu",
  offerOff: "Off the menu",
  offerOrders: "Orders",
  offerOrder: "Order",
  offerOrderTitle: "Order for a resident: {title}",
  offerOrderHelp:
    "This files a need awaiting review in {community}; you own it, and its deadline comes from the district's table.",
  offerRequester: "Resident's name",
  offerRequesterPhone: "Phone",
  offerRequest: "What they ask for",
  offerUrgency: "Urgency",
  offerWantedStart: "Wanted from",
  offerOrdered: "Need #{need} filed (awaiting review), due {deadline}",
  offerRefused: "Not done",
};

export default en;
