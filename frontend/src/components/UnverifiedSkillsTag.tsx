// A plan's row resting on an unverified claim: the skills its seat requires that the person only claims
// (`unverified_skills` of an assignment or a 定岗 proposal), named, with why it matters on hover.
import { Tag, Tooltip } from "antd";
import { useI18n } from "@/lib/i18n";
import { useSkillNames } from "@/lib/skills";

export function UnverifiedSkillsTag({ codes }: { codes: string[] | undefined }) {
  const { t, lang } = useI18n();
  const name = useSkillNames();
  if (!codes?.length) return null;
  return (
    <Tooltip title={t("unverifiedHelp")}>
      <Tag color="orange" data-testid="unverified-skills">
        {t("unverifiedTag", { skills: codes.map(name).join(lang === "en" ? ", " : "、") })}
      </Tag>
    </Tooltip>
  );
}
