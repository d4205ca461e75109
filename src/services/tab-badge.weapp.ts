import { setTabBadge } from './tab-bar-state'

/**
 * The mini-program draws its own tab bar (custom-tab-bar: WeChat's native one takes no font size),
 * and with a custom tab bar wx.setTabBarBadge does nothing (WeChat: "与 tabBar 样式相关的接口…将失效"):
 * the badge goes to the tab bar's own state, which every tab page's bar draws.
 */
export function showTabBadge(index: number, text: string | null): void {
  setTabBadge(index, text)
}
