// The words of features/ledgers in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // service records (records), unit ledgers (ledgers)
  ledgersTitle: "驻区单位台账",
  ledgersEmpty: "这个月没有台账。台账每月初自动生成；可换一个月份查看。",
  ledgerMonth: "月份",
  ledgerUnit: "单位",
  ledgerAllMonths: "全部月份",
  ledgerAllUnits: "全部单位",
  ledgerProjects: "参与项目",
  ledgerBookings: "资源预订",
  ledgerResourceHours: "资源使用（小时）",
  ledgerMembers: "参与服务人数",
  ledgerMemberHours: "成员服务（小时）",
  ledgerEntries: "补充记录",
  ledgerBack: "← 返回台账列表",
  ledgerDetailTitle: "{unit} · {month} 台账",
  ledgerWrittenAt: "生成于 {time}",
  ledgerProjectsTitle: "参与的项目",
  ledgerProjectsEmpty: "本月没有参与项目。",
  ledgerRoles: "参与方式",
  ledgerRole_members: "成员服务",
  ledgerRole_resources: "提供资源",
  ledgerSessions: "场次",
  ledgerResourcesTitle: "出借的资源",
  ledgerResourcesEmpty: "本月没有资源被预订。",
  ledgerEntriesTitle: "补充记录",
  ledgerEntriesEmpty: "暂无补充记录，社区协调员会补充参会和活动情况。",
  ledgerEntriesEmptyCoordinator: "暂无补充记录，可在下方添加参会、活动或备注。",
  ledgerEntryAddTitle: "添加补充记录",
  ledgerEntryKind: "类型",
  ledgerEntryKindRequired: "请选择类型",
  ledgerKind_meeting: "参加会议",
  ledgerKind_activity: "活动",
  ledgerKind_note: "备注",
  ledgerEntryTitle: "标题",
  ledgerEntryTitleRequired: "请填写标题",
  ledgerEntryDate: "日期",
  ledgerEntryNote: "说明",
  ledgerEntryAdd: "添加",
  ledgerEntryAdded: "已添加到台账。",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
