// The words of features/onboarding in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // phone and codes
  phoneNumber: "手机号",
  phoneRequired: "请输入手机号",
  smsCode: "短信验证码",
  smsCodeInvalid: "请输入 6 位数字验证码",
  codeAsk: "获取验证码",
  codeWait: "{seconds} 秒后可重新获取",
  codeSent: "如该号码已登记账号，验证码已通过短信发送，请查收。",
  codeTooMany: "获取验证码过于频繁，请等待 {seconds} 秒后再试。",
  codeLoginHelp: "输入账号登记的手机号，获取短信验证码后登录。",
  resetHelp: "输入账号登记的手机号，用短信验证码设置新密码。",
  codeLogin: "登录",
  resetPassword: "重设密码",
  resetDone: "密码已重设，请用新密码登录。",
  backToPassword: "返回密码登录",
  newPassword: "新密码",
  newPasswordAgain: "再次输入新密码",
  newPasswordRequired: "请输入新密码",
  passwordsDiffer: "两次输入的密码不一致",
  // invitation
  inviteTitle: "激活账号",
  inviteChecking: "正在核对邀请链接…",
  inviteCodeHelp: "请输入收到邀请短信的手机号和短信中的 6 位激活码。",
  inviteCode: "激活码",
  inviteNext: "下一步",
  inviteWelcome: "{name}，您好！请设置密码并确认手机号以激活账号。",
  inviteUsername: "登录名：{username}",
  inviteExpires: "邀请有效期至 {time}",
  confirmPhone: "确认手机号",
  confirmPhoneHelp: "请输入接收邀请的手机号（{phone}）。",
  confirmPhoneFirst: "请输入您本人的手机号，今后可用于短信登录。",
  privacyNotice:
    "隐私声明（{version} 版）：平台仅为志愿服务的匹配、通知和记录使用您的姓名、手机号、技能和空闲时间；手机号对他人隐藏部分数字；您可随时在“我的资料”中撤回授权。",
  privacyAccept: "我已阅读并同意隐私声明",
  privacyRequired: "请阅读并同意隐私声明",
  inviteActivate: "激活并登录",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
