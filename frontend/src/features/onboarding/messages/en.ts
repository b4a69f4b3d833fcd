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
  inviteActivate: "Activate and sign in",
};

export default en;
