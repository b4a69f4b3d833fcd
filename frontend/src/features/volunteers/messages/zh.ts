// The words of features/volunteers in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // generic
  yes: "是",
  no: "否",
  // lists
  volunteersEmpty: "没有符合条件的志愿者，试试换个关键词。",
  volKind_in_office: "在职党员",
  volKind_non_post: "无职党员",
  volKind_retired: "离退休党员",
  volKind_resident: "居民志愿者",
  availableOn: "哪天有空",
  // service records (records), unit ledgers (ledgers)
  employerUnit: "工作单位",
  volunteerProfile: "志愿者档案",
  volunteerOpen: "档案",
  volunteerActive: "在册",
  volunteerInactive: "已停用",
  volunteerAvailability: "每周可服务时间",
  volunteerNoAvailability: "还没有填写可服务时间；请志愿者在“个人信息”里填写，匹配才会排到他。",
  volunteerPosts: "固定岗位",
  volunteerNoPosts: "没有固定岗位；可在“岗位（一编三定）”里定岗。",
  volunteerThisWeek: "本周排班（{date} 起）",
  volunteerNoWeek: "本周已发布的排班里没有他",
  volunteerRecords: "服务记录",
  volunteerHoursAll: "累计时长（已通过）",
  volunteerHoursYear: "今年时长",
  volunteerNoRecords: "还没有服务记录：签到签退或补录审核通过后会出现在这里。",
  // consents and skill verification
  consentOwnNote: "授权只能由志愿者本人在个人信息中修改。",
  consentChangedBy: "操作人",
  consentByVolunteer: "志愿者本人",
  skillVerifyTitle: "技能与核验",
  skillVerifyHelp: "志愿者填写的等级是自报。需核验的技能（医疗、法律、电工等）核验后才计入匹配，且不超过核验等级。",
  skillClaimedLevel: "自报 {level} 级",
  skillVerify: "核验",
  skillReverify: "重新核验",
  skillRevoke: "撤销核验",
  skillRevokeConfirm: "撤销对“{skill}”的核验？撤销后该等级重新算作自报。",
  skillVerifyModal: "核验“{skill}”",
  skillVerifyLevel: "核验等级",
  skillVerifyNote: "备注或证书编号",
  skillVerified: "已核验",
  skillRevoked: "已撤销核验",
  skillVerifyBy: "{name} 于 {date} 核验",
  skillVerifyNone: "没有填写技能",
  // invitations
  activation: "激活",
  activatedYes: "已激活",
  activatedNo: "未激活",
  activationCount: "已激活 {activated} / {total} 人",
  invitationResend: "重发邀请",
  invitationResendConfirm: "给 {name} 重发激活邀请短信？此前发送的邀请将失效。",
  invitationResent: "已给 {name} 重发激活邀请",
  invitationSheet: "下载邀请二维码",
  invitationSheetConfirm: "为本社区未激活的志愿者生成可打印的邀请二维码？此前打印或短信发送的激活链接将全部失效。",
  invitationSheetDone: "邀请二维码已下载，请打印后交本人扫码激活。",
  invitationRefused: "操作未完成",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
