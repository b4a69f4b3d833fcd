// The words of features/shifts in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // lists
  shiftsEmpty: "本周没有班次。需求和岗位生成班次后会出现在这里。",
  origin: "来源",
  origin_need: "需求",
  origin_post: "岗位",
  origin_project: "项目",
  // volunteer
  qrButton: "签到二维码",
  qrTitle: "签到二维码",
  qrValid: "有效时间：{from} 至 {until}",
  qrHelp: "在活动现场展示此二维码，志愿者用手机扫码后签到、签退。",
  // resources
  weekShiftsCount: "本周共 {count} 个班次",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
