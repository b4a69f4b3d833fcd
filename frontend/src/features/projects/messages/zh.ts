// The words of features/projects in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // projects page
  projectsEmpty: "还没有项目。点“新建项目”建一个，或在需求清单里勾选需求后合并为项目。",
  projectsHelp:
    "频次为“每周”的项目选了“每周哪几天”、时段和名额后，生成一周班次时会在起止日期内的这些日子各生成一个班次。",
  newProject: "新建项目",
  editProject: "编辑项目",
  projectFrequency: "频次",
  freq_once: "一次性",
  freq_weekly: "每周",
  freq_monthly: "每月",
  projectWeekdays: "每周哪几天",
  projectWeekdaysHelp: "选了日子，就要填时段和每次名额；只有频次为“每周”且选了日子的项目才会自动生成班次",
  projectSession: "时段",
  projectSessionRequired: "选了每周的日子，请填写时段",
  projectSeats: "每次名额",
  projectSeatsRange: "名额为 0 到 200 的整数",
  projectSeatsRequired: "选了每周的日子，名额至少为 1",
  projectMeets: "活动时间",
  projectNeeds: "关联需求",
  delete: "删除",
  projectDeleteConfirm: "删除项目“{name}”？",
  projectDeleted: "已删除",
  projectDeleteRefused: "无法删除",
  projectResource: "需要的资源",
  projectResourceHelp: "选了类别，匹配时会为每个班次预订一件这类空闲资源（容量不低于所填人数）",
  projectResourceNone: "不需要",
  projectMinCapacity: "容量至少",
  projectPeriodOrder: "结束日期不能早于开始日期",
  projectSkillLevels: "技能等级要求",
  projectSkillLevelsHelp: "每项技能要求的最低等级（1 到 5，不填为 1）",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
