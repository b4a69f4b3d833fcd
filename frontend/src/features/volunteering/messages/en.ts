// The words of features/volunteering in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  // volunteer
  myPostsTitle: "My posts",
  myPostsEmpty: "Nothing planned for you this week. You are notified when a coordinator publishes a plan.",
  accept: "Accept",
  declineTitle: "Decline this post",
  declineReasonHelp: "Tell the coordinator why, so that the next plan fits better",
  acceptedOk: "Accepted, thank you!",
  postStatus_pending: "Awaiting your answer",
  postStatus_accepted: "Accepted",
  postStatus_declined: "Declined",
  postStatus_moved: "Moved",
  postStatus_cancelled: "Shift cancelled",
  answerBy: "Answer by {time}",
  others: "With: {names}",
  hoursTitle: "My service hours",
  hoursEmpty: "No service recorded yet. Hours are recorded when you check in at a shift.",
  calendarTitle: "Calendar link",
  calendarText:
    "Subscribe to this address in your phone's calendar; accepted posts appear there. Treat it like a password.",
  copy: "Copy",
  copied: "Copied",
  rotate: "New address",
  rotateConfirm: "The old address stops working at once; you must subscribe again. Continue?",
  rotated: "The calendar address was changed",
  checkInTitle: "Check in / out",
  checkInCode: "Check-in code",
  checkInHelp: "Scanning the QR code at the place fills this in; or paste the code.",
  checkInCodeRequired: "Scan the QR code or paste the code",
  checkIn: "Check in",
  checkOut: "Check out",
  checkedIn: "Checked in",
  checkedOut: "Checked out; your hours are recorded",
  // open seats and micro-wishes (claims)
  openSeatsTitle: "Open seats",
  openSeatsHelp:
    "Seats still open after a plan was published that fit your skills and free time. First come, first served; a claim is accepted at once.",
  openSeatsEmpty: "No open seat fits you at the moment.",
  seatsOpen: "{count} open",
  claimSeat: "Claim",
  seatClaimed: "Claimed; it is in My posts now",
  seatTakenTitle: "Someone else just took this seat",
  claimRefused: "Cannot claim",
  wishesTitle: "Micro-wishes",
  wishesEmpty: "No micro-wish waiting at the moment.",
  wishDeadline: "Due by {date}",
  claimWish: "Take this wish",
  wishClaimed: "It is yours; the community will be in touch",
  wishTakenTitle: "Someone else took this wish",
  // resources
  myPostsWeekEmpty: "No posts of yours this week.",
  // service records (records), unit ledgers (ledgers)
  attendanceTitle: "Attendance",
};

export default en;
