// The words of features/auth in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // auth
  usernameLabel: "用户名",
  passwordLabel: "密码",
  usernameRequired: "请输入用户名",
  passwordRequired: "请输入密码",
  loginSubmit: "登录",
  loginByCode: "短信验证码登录",
  forgotPassword: "忘记密码",
  loginHint: "演示账号：shequ（社区协调员）、zhiyuanzhe（志愿者）、danwei（驻区单位），密码 demo12345",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
