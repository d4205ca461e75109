import type { AppRoutes } from './dist'
import type { Router } from './router'
import { ApiFail, asyncApi, type WxCall } from './wx-api'

/**
 * The tab bar's badges (wx.setTabBarBadge / removeTabBarBadge), with WeChat's rules: they fail with
 * `not TabBar page` unless a tab page is on top, and an index past the list is refused. The badge
 * stays on the tab until removed, whichever page is open.
 */
export class FakeTabBar {
  private badges = new Map<number, string>()

  constructor(private readonly routes: AppRoutes, private readonly router: Router) {}

  reset(): void {
    this.badges.clear()
  }

  /** The text on tab `index`'s badge, or null when it has none. */
  badge(index: number): string | null {
    return this.badges.get(index) ?? null
  }

  apis(calls: WxCall[]): Record<string, unknown> {
    const check = (index: unknown): number => {
      const top = this.router.top()
      if (!top || !this.routes.tabs.has(top.route)) throw new ApiFail('not TabBar page')
      if (typeof index !== 'number' || index < 0 || index >= this.routes.tabs.size) throw new ApiFail('tabbar item not found')
      return index
    }
    return {
      setTabBarBadge: asyncApi('setTabBarBadge', calls, ({ index, text }) => void this.badges.set(check(index), String(text))),
      removeTabBarBadge: asyncApi('removeTabBarBadge', calls, ({ index }) => void this.badges.delete(check(index))),
    }
  }
}
