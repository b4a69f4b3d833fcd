// Skills with levels as tags, by name ("巡逻 ≥ 2" for a requirement, "巡逻 2" for a person).
import { Tag } from "antd";
import { useSkillNames } from "@/lib/skills";

export function SkillTags({ skills, atLeast = false }: { skills: Record<string, number>; atLeast?: boolean }) {
  const name = useSkillNames();
  return (
    <>
      {Object.entries(skills).map(([code, level]) => (
        <Tag key={code}>{`${name(code)} ${atLeast ? "≥ " : ""}${level}`}</Tag>
      ))}
    </>
  );
}
