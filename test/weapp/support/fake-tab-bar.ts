import type { AppRoutes } from './dist'
import { settled } from './idle'
import type { PageView } from './page-view'
import type { Router } from './router'
import { ApiFail, asyncApi, type WxCall } from './wx-api'

/**
 * The tab bar's badges (wx.setTabBarBadge / removeTabBarBadge), with WeChat's rules: they fail with
 * `not TabBar page` unless a tab page is on top, and an index past the list is refused. The badge
 * stays on the tab until removed, whichever page is open. With a custom tab bar (app.json
 * tabBar.custom) the calls still answer but change nothing on screen (WeChat: 与 tabBar 样式相关的接口
 * …将失效): the bar is the app's own component, and what it draws is what counts.
 */
export class FakeTabBar {
  private badges = new Map<number, string>()

  constructor(private readonly routes: AppRoutes, private readonly router: Router) {}

  reset(): void {
    this.badges.clear()
  }

  /** The custom tab bar of the page on top, as a person sees it; only an app with a custom bar has one. */
  view(): PageView {
    const top = this.router.top()
    if (!top?.tabBar) throw new Error(`no custom tab bar on ${top?.route ?? 'an empty stack'}`)
    return top.tabBar
  }

  /**
   * The text on tab `index`'s badge, or null when it has none. On a custom bar it is what the bar
   * of the page on top draws in its item `index` (none on a page that is no tab: WeChat shows no bar
   * there), read once the app has finished rendering, as a person would see it.
   */
  async badge(index: number): Promise<string | null> {
    if (!this.routes.customTabBar) return this.badges.get(index) ?? null
    await settled()
    const bar = this.router.top()?.tabBar
    if (!bar) return null
    // The simulator prefixes a component's classes: they are matched by their end.
    const item = bar.dom.querySelectorAll('[class$="tab-bar__item"], [class*="tab-bar__item "]')[index]
    if (!item) throw new Error(`the tab bar has no item ${index}`)
    return item.querySelector('[class$="tab-bar__badge"]')?.textContent?.trim() || null
  }

  apis(calls: WxCall[]): Record<string, unknown> {
    const check = (index: unknown): number => {
      const top = this.router.top()
      if (!top || !this.routes.tabs.has(top.route)) throw new ApiFail('not TabBar page')
      if (typeof index !== 'number' || index < 0 || index >= this.routes.tabs.size) throw new ApiFail('tabbar item not found')
      return index
    }
    const native = !this.routes.customTabBar
    return {
      setTabBarBadge: asyncApi('setTabBarBadge', calls, ({ index, text }) => {
        const at = check(index)
        if (native) this.badges.set(at, String(text))
      }),
      removeTabBarBadge: asyncApi('removeTabBarBadge', calls, ({ index }) => {
        const at = check(index)
        if (native) this.badges.delete(at)
      }),
    }
  }
}
