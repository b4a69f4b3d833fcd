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
  privacyRead: "阅读隐私声明全文",
  // the privacy notice's page (/privacy)
  privacyTitle: "隐私声明",
  privacyVersion: "版本：{version}",
  privacyController: "个人信息处理者（运营单位）：{controller}",
  privacyContact: "联系方式：{contact}",
  privacyUnnamed: "（尚未设置，请向您所在社区询问）",
  privacyWhatTitle: "我们处理哪些信息",
  privacyWhatBody:
    "姓名、手机号（电子邮箱为选填）；身份类别（在职党员、无职党员、退休党员、居民志愿者等）、所在社区与网格、工作单位；技能与等级、每周可服务时间、不可服务日期和服务偏好；服务记录（签到签退时间、服务时长、评价和积分）。居民点单时：联系电话、服务地址和需求内容。需求中如涉及健康状况、困难情况等敏感个人信息，仅为办理该需求记录，并对无需知悉的人隐藏。",
  privacyWhyTitle: "用于什么",
  privacyWhyBody:
    "仅用于志愿服务岗位和居民需求的匹配、排班和资源预订，发送通知（站内消息，以及您选择的短信、邮件），记录服务时长、星级和积分，以及以汇总数据形式进行的统计。不用于营销，不出售或向平台以外的机构提供。",
  privacyWhoTitle: "谁能看到",
  privacyWhoBody:
    "您本人；您所在社区、街道和区的协调员，在其职责范围内；驻区单位只看到与本单位有关的信息（本单位在职党员的报到和经您同意反馈的服务记录）。他人看到的手机号隐藏中间数字；排行榜只显示同意公开姓名的人。日志中不记录手机号、证件号等个人信息。",
  privacyChoicesTitle: "您的选择和权利",
  privacyChoicesBody:
    "您可以在“我的资料”中查阅和更正自己的信息，随时撤回授权（如排行榜公开、向单位反馈服务记录），撤回不影响撤回前的处理；可以选择接收通知的方式。非紧急短信不在 22:00 至次日 07:00 发送。如需复制、删除您的个人信息或注销账号，请联系上述运营单位。",
  privacyKeepTitle: "保存和安全",
  privacyKeepBody:
    "信息在账号存续期间保存；服务记录作为志愿服务档案，按档案管理的规定保存。密码和短信验证码只以不可逆的摘要形式存储；对信息的每次修改都留有审计记录。",
  privacyChangeTitle: "声明的变更",
  privacyChangeBody: "本声明更新时版本号随之变化，激活账号时同意的版本会被记录。",
  privacyBack: "返回",
  inviteActivate: "激活并登录",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
