// The words of features/offers in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  offersEmpty: "服务菜单还是空的。队伍和驻区单位把常年提供的服务登记在这里，居民和社区就可以按菜单点单。",
  offersHelp:
    "服务菜单（服务项目库）列出队伍和驻区单位常年提供的服务及其条件。为居民点单后，会生成一条待审核的需求，由点单人首问负责。",
  offerNew: "新增服务",
  offerEdit: "编辑服务",
  offerTitle: "服务名称",
  offerTitleRequired: "请填写服务名称",
  offerTitleLong: "服务名称最多 64 个字",
  offerProvider: "提供方",
  offerProviderKind: "提供方类型",
  offerProviderTeam: "队伍",
  offerProviderUnit: "驻区单位",
  offerTeamRequired: "请选择提供服务的队伍",
  offerUnitRequired: "请选择提供服务的单位",
  offerCategoryRequired: "请选择服务类别",
  offerType: "服务类型",
  offerDescription: "服务内容",
  offerConditions: "服务条件",
  offerConditionsHelp: "例如：仅限辖区独居老人；需提前三天预约",
  offerSchedule: "服务时间",
  offerScheduleHelp: "例如：每月第一个周六上午",
  offerHeadcount: "每次所需人数",
  offerOpenLimit: "同时接单上限",
  offerOpenLimitHelp: "不填则不限。进行中的点单达到上限时，菜单上显示已约满，有一单办结或关闭后才能再点单",
  offerFull: "已约满",
  offerActive: "在菜单中",
  offerOff: "已下架",
  offerOrders: "点单数",
  offerOrder: "点单",
  offerOrderTitle: "为居民点单：{title}",
  offerOrderHelp: "将在 {community} 生成一条待审核的需求，由您首问负责，办结期限按区里的期限表确定。",
  offerRequester: "居民姓名",
  offerRequesterPhone: "联系电话",
  offerRequest: "需求说明",
  offerUrgency: "紧急程度",
  offerWantedStart: "希望开始时间",
  offerOrdered: "已生成需求 #{need}（待审核），办结期限 {deadline}",
  offerRefused: "操作未完成",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
