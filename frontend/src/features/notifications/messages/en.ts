// The words of features/notifications in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  // inbox
  inboxTitle: "Inbox",
  inboxEmpty: "No messages. You are told here about new plans and changes.",
  markAllRead: "Mark all read",
  unread: "Unread",
};

export default en;
