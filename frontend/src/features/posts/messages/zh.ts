// The words of features/posts in Chinese, the default language; en.ts has the same keys in English.
const zh = {
  // lists
  postsEmpty: "暂无岗位。在后台设置一编三定岗位后会出现在这里。",
  target: "目标",
  // resources
  postHoldersTitle: "{year} 年在岗 {active} 人（每次 {seats} 个名额）",
  postHoldersEmpty: "今年还没有人定在这个岗位上。到“定岗”发起一次定岗并发布。",
};

export default zh;

declare module "@/lib/i18n" {
  interface Messages extends Record<keyof typeof zh, string> {}
}
