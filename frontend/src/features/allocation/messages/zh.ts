// The words of features/allocation in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // resources
  yearRequired: "请输入年度",
  yearInvalid: "年度应在 2000 到 2100 之间",
  allocationTitle: "定岗",
  allocationIntro: "按年度为社区的固定岗位（一编三定）安排成员：先自动分配，再逐条审核，最后发布。",
  startAllocationTitle: "开始定岗",
  startAllocation: "开始定岗",
  allocationEmpty: "还没有定岗记录。选择年度和范围后点“开始定岗”。",
  filledPostSeats: "已安排岗位名额",
  allocationProgressTitle: "定岗进行中",
  allocationProgressText: "正在为{scope} {year} 年度的岗位安排成员…",
  allocationRunTitle: "{scope} · {year} 年度定岗",
  allocationPublishConfirm: "发布后成员会收到通知，本年度该范围的岗位安排不能再修改。确定发布？",
  allocationPublishedOk: "定岗已发布，成员已收到通知。",
  allocationReadOnly: "本年度已发布，只能查看。",
  solveSeconds: "求解用时（秒）",
  tabProposals: "岗位安排",
  tabUnfilledPosts: "未满岗位",
  proposalsEmpty: "这次定岗没有安排任何人。",
  unfilledPostsEmpty: "所有岗位都已安排满。",
  addProposalTitle: "手动安排岗位",
  postRequired: "请选择岗位",
  removeProposalConfirm: "把 {name} 从岗位“{post}”移除？下次定岗也不会再这样安排。",
  postCategory_policy: "政策宣传",
  postCategory_patrol: "治安巡逻",
  postCategory_sanitation: "环境卫生监督",
  postCategory_civility: "文明引导",
  postCategory_mediation: "矛盾调解",
  postCategory_hardship: "困难帮扶",
  postCategory_courtyard: "楼院长",
  postCategory_legal: "法律咨询",
  postCategory_other: "其他",
  myHoldingsTitle: "我的固定岗位",
  myHoldingsEmpty: "您目前没有固定岗位。社区定岗发布后会通知您。",
  holdingDeclineTitle: "婉拒固定岗位",
  holdingDeclineHelp: "志愿服务自愿参加；告诉社区原因，便于另行安排",
  holdingDeclined: "已婉拒，社区协调员会收到通知。",
  declinedAt: "婉拒于 {time}",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
