// The colour of a post's status tag, the same in the list and on the calendar.
import type { PostStatus } from "../api/myPosts";

export const POST_COLOURS: Record<PostStatus, string> = {
  pending: "gold",
  accepted: "green",
  declined: "default",
  moved: "blue",
  cancelled: "red",
};
