// The words of features/shifts in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // lists
  shiftsEmpty: "本周没有班次。需求和岗位生成班次后会出现在这里。",
  origin: "来源",
  origin_need: "需求",
  origin_post: "岗位",
  origin_project: "项目",
  // volunteer
  shiftRoster: "签到名单",
  qrButton: "签到二维码",
  qrTitle: "签到二维码",
  qrValid: "有效时间：{from} 至 {until}",
  qrHelp: "在活动现场展示此二维码，志愿者用手机扫码后签到、签退。",
  // the week's generation
  generateNextWeek: "生成下周班次",
  generateTitle: "生成班次预览 · {week} 起的一周",
  generateSummary: "将新增 {created} 个班次；已有 {existing} 个，不会重复生成。",
  generateNothing: "没有要新增的班次：岗位、项目和需求的班次都已生成。",
  generateByOrigin: "{origin} {count} 个",
  generateConfirm: "确认生成",
  generateDone: "已新增 {count} 个班次",
  planNew: "新增",
  planExisting: "已有",
  planCancelled: "已取消",
  planResource: "资源",
  // one shift
  shiftEditTitle: "编辑班次：{title}",
  shiftTitle: "班次名称",
  shiftTitleRequired: "请填写班次名称",
  shiftDay: "日期",
  shiftDayRequired: "请选择日期",
  shiftHours: "时段",
  shiftHoursRequired: "请选择开始和结束时间",
  shiftHoursOrder: "结束时间须晚于开始时间",
  shiftResourceKind: "资源需求",
  shiftResourceNone: "不需要资源",
  shiftMinCapacity: "最少容量",
  shiftPublishedEdit:
    "已发布的排班中有 {count} 名志愿者在此班次：时间、地点和技能不能再改，名额不能少于 {count}。如需这样改动，请取消班次。",
  shiftCancel: "取消班次",
  shiftCancelTitle: "取消班次：{title}",
  shiftCancelReason: "取消原因",
  shiftCancelReasonRequired: "请填写取消原因",
  shiftCancelTellsVolunteers: "已发布的排班中有 {count} 名志愿者在此班次：他们会收到一次通知，岗位随之结束。",
  shiftCancelTellsNobody: "该班次尚未发布给志愿者，取消后不会通知任何人。",
  shiftCancelConfirm: "确认取消",
  shiftKeep: "不取消",
  shiftCancelled: "已取消",
  shiftCancelledBecause: "已取消：{reason}",
  shiftSaved: "班次已保存",
  shiftCancelDone: "班次已取消",
  // resources
  weekShiftsCount: "本周共 {count} 个班次",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
