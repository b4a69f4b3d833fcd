// The words of features/auth in English, loaded once English is chosen;
// the keys are zh.ts's (one missing is a type error).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  // auth
  usernameLabel: "Username",
  passwordLabel: "Password",
  usernameRequired: "Enter your username",
  passwordRequired: "Enter your password",
  loginSubmit: "Sign in",
  loginByCode: "Sign in with an SMS code",
  forgotPassword: "Forgot password",
  loginHint: "Demo logins: shequ (community coordinator), zhiyuanzhe (volunteer), danwei (unit); password demo12345",
};

export default en;
