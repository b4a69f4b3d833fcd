// What a claimed skill counts for on the volunteer's profile: the verified level, awaiting verification (a skill
// that needs it counts for nothing until then), or a plain claim.
import { render, screen } from "@testing-library/react";
import { expect, it } from "vitest";
import { Providers } from "@/app/providers";
import { QueryClient } from "@tanstack/react-query";
import type { Skill, VolunteerProfile } from "../api/profile";
import { SkillClaimTag } from "./VolunteerProfilePage";

const profile = {
  id: 7,
  skills: { medical: 3, first_aid: 2, cooking: 4 },
  verified_skills: [
    { skill: "first_aid", level: 2, note: "", verified_by: "协调员", verified_at: "2026-10-08T10:00:00+08:00" },
  ],
} as unknown as VolunteerProfile;
const catalogue: Skill[] = [
  { id: 1, code: "medical", name: "医疗义诊", name_en: "Medical care", requires_verification: true },
  { id: 2, code: "first_aid", name: "应急救护", name_en: "First aid", requires_verification: false },
  { id: 3, code: "cooking", name: "烹饪助餐", name_en: "Cooking", requires_verification: false },
];

it.each([
  ["first_aid", "已核验 2 级"],
  ["medical", "待核验，暂不计入匹配"],
  ["cooking", "自报"],
])("tags %s as %s", (code, text) => {
  render(
    <Providers lang="zh" client={new QueryClient()}>
      <SkillClaimTag code={code} profile={profile} catalogue={catalogue} />
    </Providers>,
  );
  expect(screen.getByText(text)).toBeInTheDocument();
});
