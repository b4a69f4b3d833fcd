// The words of features/attendance in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // a shift's roster (签到名单)
  rosterTitle: "签到名单：{title}",
  rosterBack: "返回班次",
  rosterHelp: "名单来自已发布方案中的安排。协调员手动登记出勤、缺勤或时间时须说明原因，服务记录随之更新。",
  rosterEmpty: "这个班次没有已发布的安排。",
  rosterState_expected: "未签到",
  rosterState_checked_in: "已签到未签退",
  rosterState_checked_out: "已签退",
  rosterState_no_show: "缺勤",
  rosterNotExpected: "不在方案中",
  rosterCheckedIn: "签到时间",
  rosterCheckedOut: "签退时间",
  rosterHours: "服务时长（小时）",
  rosterMethod: "登记方式",
  rosterMethod_qr: "扫码",
  rosterMethod_coordinator: "协调员登记",
  rosterMethod_auto: "系统自动标记",
  rosterNote: "原因",
  rosterMarkPresent: "出勤",
  rosterEditTimes: "修改时间",
  rosterMarkAbsent: "缺勤",
  rosterCloseCheckOut: "补签退",
  rosterPresentTitle: "登记出勤：{name}",
  rosterAbsentTitle: "登记缺勤：{name}",
  rosterCheckOutTitle: "补签退：{name}",
  rosterAbsentHelp: "登记缺勤会清除签到和签退时间，已有的服务时长归零。",
  rosterCheckOutHelp: "保留 {time} 的签到，只补上签退时间。",
  rosterCheckInRequired: "请填写签到时间",
  rosterCheckOutRequired: "请填写签退时间",
  rosterReason: "原因",
  rosterReasonRequired: "请说明手动登记的原因",
  rosterReasonPlaceholder: "例如：手机没电无法扫码、忘记签退、电话确认未到",
  rosterSaved: "已登记",
  // the week's no-shows (缺勤名单)
  noShowsTitle: "缺勤名单",
  noShowsHelp:
    "已发布方案中安排了、却没有到岗的志愿者，按社区列出。班次结束两小时后系统自动登记，协调员也可在签到名单中登记。",
  noShowsEmpty: "这一周没有缺勤。",
  noShowsCount: "{count} 人次",
  noShowsShift: "班次",
  noShowsBy: "登记",
  noShowsBy_system: "系统",
  noShowsOpenRoster: "签到名单",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
