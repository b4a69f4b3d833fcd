// The words of features/posts in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  // lists
  postsEmpty: "No posts yet. Posts set up under 一编三定 appear here.",
  target: "Target",
  // resources
  postHoldersTitle: "{year}: {active} active holders ({seats} seats a session)",
  postHoldersEmpty: "Nobody holds this post this year. Run and publish 定岗 (post allocation).",
};

export default en;
