// Skill codes to the names people read (the skills catalogue, in the UI language); one cached request.
import { useQuery } from "@tanstack/react-query";
import { allPages, apiClient, unwrap } from "./api";
import { useI18n } from "./i18n";

function useCatalogue() {
  return useQuery({
    queryKey: ["skills", "catalogue"],
    queryFn: () => allPages((page) => unwrap(apiClient.GET("/api/skills/", { params: { query: page } }))),
    staleTime: 3_600_000,
  });
}

/** The catalogue as select options (code → name in the UI language). */
export function useSkillOptions(): { value: string; label: string }[] {
  const { lang } = useI18n();
  const skills = useCatalogue();
  return (skills.data ?? []).map((s) => ({ value: s.code, label: lang === "en" ? s.name_en || s.code : s.name }));
}

export function useSkillNames(): (code: string) => string {
  const { lang } = useI18n();
  const skills = useCatalogue();
  return (code) => {
    const skill = skills.data?.find((s) => s.code === code);
    if (!skill) return code;
    return lang === "en" ? skill.name_en || code : skill.name;
  };
}
