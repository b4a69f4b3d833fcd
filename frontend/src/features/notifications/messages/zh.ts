// The words of features/notifications in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // inbox
  inboxTitle: "消息",
  inboxEmpty: "没有消息。有新的安排或调整时会通知您。",
  markAllRead: "全部标为已读",
  unread: "未读",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
