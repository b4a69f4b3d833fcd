// Skill codes to the names people read (the skills catalogue, in the UI language); one cached request.
import { useQuery } from "@tanstack/react-query";
import { fetchAll } from "./api";
import { useI18n } from "./i18n";

interface Skill {
  code: string;
  name: string;
  name_en: string;
}

export function useSkillNames(): (code: string) => string {
  const { lang } = useI18n();
  const skills = useQuery({ queryKey: ["skills", "catalogue"], queryFn: () => fetchAll<Skill>("skills/"), staleTime: 3_600_000 });
  return (code) => {
    const skill = skills.data?.find((s) => s.code === code);
    if (!skill) return code;
    return lang === "en" ? skill.name_en || code : skill.name;
  };
}
