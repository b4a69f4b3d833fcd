// The words of features/users in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  accountsEmpty: "暂无账号。点击“新建账号”添加街道、社区协调员或驻区单位联络员。",
  accountName: "姓名",
  accountNameRequired: "请输入姓名",
  accountUsername: "登录名",
  accountRole: "角色",
  accountRoleRequired: "请选择角色",
  scopeSubDistrict: "所属街道",
  scopeCommunity: "所属社区",
  scopeUnit: "所属驻区单位",
  accountScopeRequired: "请选择该角色负责的范围",
  accountPhone: "手机号",
  accountPhoneHelp: "激活邀请将以短信发送到这个号码。",
  accountPhoneRequired: "请输入手机号",
  accountEmail: "电子邮箱（选填）",
  accountEmailInvalid: "电子邮箱格式不正确",
  accountActive: "账号状态",
  accountActiveYes: "有效",
  accountActiveNo: "已停用",
  accountActivated: "激活",
  accountActivatedYes: "已激活",
  accountActivatedNo: "未激活",
  accountCreate: "新建账号",
  accountCreateOk: "创建并发送邀请",
  accountCreateRefused: "无法创建账号",
  accountCreated: "已创建 {name} 的账号，激活邀请已发送。",
  accountDisable: "停用",
  accountDisableConfirm: "停用 {name} 的账号？其登录和未使用的邀请将立即失效。",
  accountDisabled: "已停用 {name} 的账号",
  accountEnable: "启用",
  accountEnabled: "已启用 {name} 的账号",
  accountReset: "重置登录",
  accountResetConfirm: "重置 {name} 的登录？原密码立即失效，将重新发送激活邀请。",
  accountLoginReset: "已重置 {name} 的登录，新的激活邀请已发送。",
  accountActionRefused: "操作未完成",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
