// The words of features/users in English (the keys of zh.ts).
import type { Translation } from "@/lib/i18n";
import type zh from "./zh";

const en: Translation<typeof zh> = {
  accountsEmpty:
    "No accounts yet. Use “New account” to add sub-district or community coordinators and unit representatives.",
  accountName: "Name",
  accountNameRequired: "Enter the name",
  accountUsername: "Login name",
  accountRole: "Role",
  accountRoleRequired: "Choose a role",
  scopeSubDistrict: "Sub-district",
  scopeCommunity: "Community",
  scopeUnit: "Unit",
  accountScopeRequired: "Choose what this role is responsible for",
  accountPhone: "Mobile number",
  accountPhoneHelp: "The invitation goes to this number by SMS.",
  accountPhoneRequired: "Enter the mobile number",
  accountEmail: "E-mail (optional)",
  accountEmailInvalid: "Not a valid e-mail address",
  accountActive: "Account",
  accountActiveYes: "Active",
  accountActiveNo: "Disabled",
  accountActivated: "Activation",
  accountActivatedYes: "Activated",
  accountActivatedNo: "Not activated",
  accountCreate: "New account",
  accountCreateOk: "Create and invite",
  accountCreateRefused: "The account was not created",
  accountCreated: "{name}'s account is created; the invitation is on its way.",
  accountDisable: "Disable",
  accountDisableConfirm: "Disable {name}'s account? Their sign-ins and open invitation end at once.",
  accountDisabled: "{name}'s account is disabled",
  accountEnable: "Enable",
  accountEnabled: "{name}'s account is enabled",
  accountReset: "Reset login",
  accountResetConfirm: "Reset {name}'s login? The password stops working and a new invitation is sent.",
  accountLoginReset: "{name}'s login is reset; a new invitation is on its way.",
  accountActionRefused: "Not done",
};

export default en;
