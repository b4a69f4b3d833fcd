// The words of features/volunteering in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // volunteer
  myPostsTitle: "我的岗位",
  myPostsEmpty: "本周暂时没有安排。协调员发布排班后会通知您。",
  accept: "接受",
  declineTitle: "婉拒这次安排",
  declineReasonHelp: "告诉协调员原因，便于以后安排",
  acceptedOk: "已接受，谢谢！",
  postStatus_pending: "待确认",
  postStatus_accepted: "已接受",
  postStatus_declined: "已婉拒",
  postStatus_moved: "已调整",
  postStatus_cancelled: "班次已取消",
  answerBy: "请在 {time} 前答复",
  others: "同班：{names}",
  hoursTitle: "我的服务时长",
  hoursEmpty: "还没有服务记录。参加活动并签到后会记录时长。",
  calendarTitle: "日历订阅",
  calendarText: "把这个地址添加到手机日历（订阅日历），已接受的岗位会自动出现。地址相当于密码，不要分享。",
  copy: "复制",
  copied: "已复制",
  rotate: "更换地址",
  rotateConfirm: "更换后旧地址立即失效，需要在日历里重新订阅。确定？",
  rotated: "已更换订阅地址",
  checkInTitle: "签到 / 签退",
  checkInCode: "签到码",
  checkInHelp: "用手机扫描活动现场的二维码会自动填入；也可以粘贴签到码。",
  checkInCodeRequired: "请扫描二维码或粘贴签到码",
  checkIn: "签到",
  checkOut: "签退",
  checkedIn: "签到成功",
  checkedOut: "签退成功，时长已记录",
  // open seats and micro-wishes (claims)
  openSeatsTitle: "可认领岗位",
  openSeatsHelp: "排班发布后仍有空缺、且符合您技能和空闲时间的岗位。先到先得，认领后即为已接受。",
  openSeatsEmpty: "暂时没有适合您的空缺岗位。",
  seatsOpen: "空缺 {count}",
  claimSeat: "认领",
  seatClaimed: "认领成功，已加入“我的岗位”",
  seatTakenTitle: "这个岗位刚被别人认领了",
  claimRefused: "无法认领",
  wishesTitle: "微心愿",
  wishesEmpty: "暂时没有待认领的微心愿。",
  wishDeadline: "请在 {date} 前完成",
  claimWish: "认领心愿",
  wishClaimed: "认领成功，社区会与您联系",
  wishTakenTitle: "这个心愿已被别人认领",
  // resources
  myPostsWeekEmpty: "这一周没有您的岗位。",
  // service records (records), unit ledgers (ledgers)
  attendanceTitle: "签到记录",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
