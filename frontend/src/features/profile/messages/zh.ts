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
  // preferences
  preferences: "服务意向",
  preferencesHelp: "选填。排班时会尽量把这些类别或社区的班次安排给您，但不作保证。",
  preferredKinds: "想参加的服务类别",
  preferredCommunities: "想去的社区",
  savePreferences: "保存服务意向",
  preferencesSaved: "服务意向已保存",
  serviceKind_policy: "政策宣传",
  serviceKind_patrol: "治安巡逻",
  serviceKind_sanitation: "环境卫生监督",
  serviceKind_civility: "文明引导",
  serviceKind_mediation: "矛盾纠纷调解",
  serviceKind_hardship: "帮扶济困",
  serviceKind_courtyard: "楼院长",
  serviceKind_legal: "法律服务",
  serviceKind_elderly: "为老服务",
  serviceKind_children: "青少年与儿童",
  serviceKind_health: "医疗健康",
  serviceKind_environment: "环境卫生",
  serviceKind_culture: "文化教育",
  serviceKind_safety: "平安建设",
  serviceKind_other: "其他",
  // blackouts
  blackouts: "不便服务的日期",
  blackoutsHelp: "出差、住院等不能服务的时间，排班时会避开",
  noBlackouts: "今天以后没有登记",
  blackoutKind: "登记方式",
  blackoutWholeDays: "全天",
  blackoutTimes: "按时间段",
  blackoutWhen: "时间",
  blackoutWhenRequired: "请选择起止时间",
  blackoutReason: "原因（选填）",
  blackoutReasonPlaceholder: "如：出差",
  blackoutAdd: "登记",
  blackoutAdded: "已登记",
  blackoutDelete: "删除",
  blackoutDeleteConfirm: "删除这条登记？",
  blackoutDeleted: "已删除",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
