/**
 * The tab pages, in tab bar order: app.config.ts declares them to WeChat and Taro's H5 tab bar, and
 * the mini-program's own tab bar (custom-tab-bar) draws them. Plain data only: Taro reads
 * app.config.ts at build time, outside the app.
 */
export const TABS = [
  { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
  { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tab/messages.png', selectedIconPath: 'assets/tab/messages-active.png' },
  { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
]

/** The 消息 tab's place in TABS. */
export const MESSAGES_TAB = 1

/** The tab a page route (with or without its leading slash and query) is, or -1 for a page that is no tab. */
export const tabIndexOf = (route: string): number => {
  const path = route.replace(/^\//, '').split('?')[0]
  return TABS.findIndex((tab) => tab.pagePath === path)
}
