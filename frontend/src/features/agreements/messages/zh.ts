// The words of features/agreements in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  agreementsEmpty: "还没有共建协议。驻区单位到社区报到、签订共建协议后，在这里登记协议和共建事项。",
  agreementsHelp: "共建协议是驻区单位到社区报到（双报到）的约定：每项共建事项完成后勾选，进度随之更新。",
  agreementNew: "新建共建协议",
  agreementEdit: "编辑共建协议",
  agreementTitle: "协议名称",
  agreementTitleRequired: "请填写协议名称",
  agreementTitleLong: "协议名称最多 128 个字",
  agreementUnit: "驻区单位",
  agreementUnitRequired: "请选择驻区单位",
  agreementYearRequired: "请填写年度（2000 年以后）",
  agreementSignedOn: "签订日期",
  agreementProgress: "完成进度",
  agreementItems: "共建事项",
  agreementItemsNone: "这份协议还没有共建事项。",
  agreementItem: "事项",
  agreementItemRequired: "请填写事项内容",
  agreementItemLong: "事项内容最多 200 个字",
  agreementQuantity: "数量",
  agreementDone: "已完成",
  agreementItemAdd: "添加事项",
  agreementItemRemove: "删除事项",
  agreementItemSaved: "已更新事项进度",
  agreementDelete: "删除",
  agreementDeleteConfirm: "删除“{title}”及其全部事项？",
  agreementDeleted: "已删除共建协议",
  agreementRefused: "操作未完成",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
