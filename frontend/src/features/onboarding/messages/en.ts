// The words of features/onboarding in English (the keys of zh.ts).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  phoneNumber: "Mobile number",
  phoneRequired: "Enter the mobile number",
  smsCode: "SMS code",
  smsCodeInvalid: "Enter the 6-digit code",
  codeAsk: "Send code",
  codeWait: "Again in {seconds} s",
  codeSent: "If an account holds this number, a code is on its way by SMS.",
  codeTooMany: "Too many codes asked for: wait {seconds} seconds, then try again.",
  codeLoginHelp: "Enter the mobile number of your account, then sign in with the code sent to it.",
  resetHelp: "Enter the mobile number of your account; the code sent to it lets you set a new password.",
  codeLogin: "Sign in",
  resetPassword: "Set new password",
  resetDone: "Your password is set; sign in with it.",
  backToPassword: "Back to password sign-in",
  newPassword: "New password",
  newPasswordAgain: "New password again",
  newPasswordRequired: "Enter a new password",
  passwordsDiffer: "The two passwords differ",
  inviteTitle: "Activate your account",
  inviteChecking: "Checking the invitation link…",
  inviteCodeHelp: "Enter the mobile number the invitation went to and the 6-digit code of its SMS.",
  inviteCode: "Activation code",
  inviteNext: "Next",
  inviteWelcome: "Hello {name}! Set a password and confirm your mobile number to activate your account.",
  inviteUsername: "Login name: {username}",
  inviteExpires: "invitation valid until {time}",
  confirmPhone: "Confirm your mobile number",
  confirmPhoneHelp: "Enter the number the invitation went to ({phone}).",
  confirmPhoneFirst: "Enter your own mobile number; you can also sign in with it by SMS.",
  privacyNotice:
    "Privacy notice (version {version}): the platform uses your name, mobile number, skills and free time only to match, notify and record volunteer service; others see your number partly hidden; you can withdraw consents at any time under My profile.",
  privacyAccept: "I have read and accept the privacy notice",
  privacyRequired: "Read and accept the privacy notice",
  privacyRead: "Read the whole privacy notice",
  // the privacy notice's page (/privacy)
  privacyTitle: "Privacy notice",
  privacyVersion: "Version: {version}",
  privacyController: "Responsible for your personal data (operator): {controller}",
  privacyContact: "Contact: {contact}",
  privacyUnnamed: "(not set yet; ask your community)",
  privacyWhatTitle: "What we process",
  privacyWhatBody:
    "Your name and mobile number (e-mail optional); your kind (in-office, non-post or retired party member, resident volunteer), home community and grid, employer unit; your skills and levels, weekly free time, days off and service preferences; your service records (check-in and check-out times, hours, ratings and points). When residents order a service: their phone, the address and what they need. Sensitive details a need may carry (health, hardship) are kept only to handle that need and hidden from anyone who does not need them.",
  privacyWhyTitle: "What for",
  privacyWhyBody:
    "Only to match volunteer posts and residents' needs, plan shifts and book resources, send notices (in the app, and by SMS or e-mail as you choose), record hours, stars and points, and for statistics on totals. Never for marketing, never sold or given to anyone outside the platform.",
  privacyWhoTitle: "Who sees it",
  privacyWhoBody:
    "You; the coordinators of your community, sub-district and district, within their duties; a unit in the area sees only what concerns it (its in-office members' reporting, and service records you agreed to share with it). Others see your number partly hidden; rankings name only those who agreed. Logs never hold phone or ID numbers.",
  privacyChoicesTitle: "Your choices and rights",
  privacyChoicesBody:
    "Under My profile you can read and correct your data and withdraw consents at any time (being named in rankings, records shared with your unit); withdrawing does not undo what was done before. You choose how notices reach you. Non-urgent SMS are not sent between 22:00 and 07:00. To get a copy of your data, have it deleted or close your account, contact the operator above.",
  privacyKeepTitle: "Keeping and protecting it",
  privacyKeepBody:
    "Your data is kept while your account exists; service records are volunteer service archives, kept as archive rules say. Passwords and SMS codes are stored only as one-way digests; every change to your data is in the audit log.",
  privacyChangeTitle: "Changes",
  privacyChangeBody:
    "When this notice changes, its version changes; the version you accepted when activating is recorded.",
  privacyBack: "Back",
  inviteActivate: "Activate and sign in",
};

export default en;
