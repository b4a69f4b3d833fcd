// The words of features/insights in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // insights
  insTitle: "趋势",
  insHelp: "按周（周一至周日）统计您范围内的数据。",
  insWeeks: "时间",
  insWeeksOption: "最近 {weeks} 周",
  insCommunity: "社区",
  insAllCommunities: "范围内全部社区",
  insPeriod: "{start} 至 {end}，{scope}",
  insSeatsRate: "名额满足率",
  insSeatsRateSeries: "满足率（%）",
  insSeatsEmpty: "这段时间没有已发布的排班：发布排班后这里显示每周的名额满足率。",
  insNeeds: "到期需求完成情况",
  insNeedsInTime: "按时完成",
  insNeedsLate: "逾期完成",
  insNeedsOpen: "未完成",
  insNeedsEmpty: "这段时间没有到期的需求。",
  insHours: "各社区服务时长（小时）",
  insHoursEmpty: "这段时间还没有审核通过的服务时长。",
  insFairness: "服务时长公平性（基尼系数）",
  insFairnessHelp: "基尼系数越低，服务时长在志愿者之间分布越均匀（0 为完全平均）。",
  insGini: "基尼系数",
  insResources: "闲置资源使用（按单位）",
  insResourcesByCategory: "闲置资源使用（按类别）",
  insOffered: "提供时长",
  insBooked: "使用时长",
  insOwnRooms: "社区自有场地",
  insResourcesEmpty: "这段时间没有登记空闲时段的资源：请在资源清单中为资源添加空闲时间。",
  insMissing: "紧缺技能排行（招募建议）",
  insMissingHelp: "未满名额所要求的技能，按缺口排序：优先招募具备这些技能的志愿者。",
  insMissingEmpty: "这段时间没有因缺少技能而未满的名额。",
  insRank: "排名",
  insSkill: "技能",
  insMissingSeats: "缺口名额",
  insNobody: "范围内无人具备",
  insShifts: "班次数",
  insCommunities: "涉及社区",
  insMaxLevel: "最高等级要求",
  insNoSkillSeats: "另有 {seats} 个未满名额不要求技能，{rooms} 个名额仅因缺少场地未满。",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
