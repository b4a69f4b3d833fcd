// The words of features/profile in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // volunteer
  skillRequired: "请选择技能",
  addSkill: "添加技能",
  hoursInvalid: "每周时长在 0 到 60 小时之间",
  maxDistance: "最远服务距离（公里）",
  distanceInvalid: "距离不能小于 0",
  consentRank: "同意在排行榜公开我的姓名",
  consentUnit: "同意把服务记录反馈给我的工作单位",
  availabilityHelp: "点按或拖动选择",
  saveAvailability: "保存空闲时间",
  availabilitySaved: "空闲时间已保存",
  noVolunteerRecord: "您的账号还没有志愿者档案，请联系社区。",
  // resources
  employer: "工作单位",
  // consents and skill verification
  consentTitle: "授权",
  consentIntro: "授权由您本人决定，可以随时撤回；社区和单位都不能替您设置。每次变更都会记录时间。",
  consentRankHelp: "同意后，您的姓名和时长会出现在社区和工作单位的排行榜上。",
  consentUnitHelp: "同意后，您的工作单位可以看到您的姓名、服务时长和服务记录（看不到住址和网格）。",
  consentUnitNoEmployer: "您的档案里还没有工作单位，暂时不会反馈给任何单位。",
  consentGiven: "已同意",
  consentWithdrawn: "已撤回",
  consentByYou: "本人操作",
  consentBy: "由 {name} 操作",
  skillsClaimHelp: "等级由您自己填写。医疗、法律、电工等技能需经社区核验后才计入匹配，其他技能按填写的等级计入。",
  skillClaimed: "自报",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
