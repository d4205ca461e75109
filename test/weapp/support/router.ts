import { posix } from 'node:path'
import type { AppRoutes } from './dist'
import type { OpenPage } from './pages'
import { ApiFail } from './wx-api'

// WeChat keeps at most ten pages in the stack (navigateTo fails past it).
const STACK_LIMIT = 10

type Target = { route: string; query: Record<string, string> }
type PageNotFoundListener = (res: { path: string; query: Record<string, string>; isEntryPage: boolean }) => void

/**
 * The page stack and WeChat's navigation rules, failing where WeChat fails and with its words:
 * navigateTo/redirectTo onto a tab page, switchTab onto a page that is not a tab, a page that is
 * not in app.json, going back from the first page. Tab pages, once opened, stay alive (hidden)
 * until reLaunch, as in WeChat; every other page leaves the stack on switchTab.
 */
export class Router {
  private stack: OpenPage[] = []
  private tabPages = new Map<string, OpenPage>()

  constructor(
    private readonly routes: AppRoutes,
    private readonly openPage: (route: string, query: Record<string, string>) => OpenPage,
  ) {}

  pages(): OpenPage[] {
    return [...this.stack]
  }

  top(): OpenPage | undefined {
    return this.stack[this.stack.length - 1]
  }

  navigateTo(url: string): void {
    const target = this.resolve(url)
    if (this.routes.tabs.has(target.route)) throw new ApiFail('can not navigateTo a tabbar page')
    if (this.stack.length >= STACK_LIMIT) throw new ApiFail('webview count limit exceed')
    this.top()?.instance.onHide()
    this.stack.push(this.openPage(target.route, target.query))
  }

  redirectTo(url: string): void {
    const target = this.resolve(url)
    if (this.routes.tabs.has(target.route)) throw new ApiFail('can not redirectTo a tabbar page')
    const leaving = this.stack.pop()
    if (leaving) this.close(leaving)
    this.stack.push(this.openPage(target.route, target.query))
  }

  /** WeChat ignores a query on switchTab (a tab page always opens without one). */
  switchTab(url: string): void {
    const { route } = this.resolve(url)
    if (!this.routes.tabs.has(route)) throw new ApiFail('can not switch to no-tabBar page')
    const visible = this.top()
    if (visible?.route === route) return
    // Pages under the top one were hidden when it opened: only the visible one gets onHide now.
    for (const page of this.stack.splice(0).reverse()) {
      if (!this.routes.tabs.has(page.route)) page.close()
      else if (page === visible) page.instance.onHide()
    }
    const alive = this.tabPages.get(route)
    if (alive) alive.instance.onShow()
    this.stack.push(alive ?? this.openTab(route))
  }

  navigateBack(delta = 1): void {
    if (this.stack.length <= 1) throw new ApiFail('cannot navigate back at first page.')
    const leaving = this.stack.splice(Math.max(1, this.stack.length - Math.max(1, delta)))
    for (const page of leaving.reverse()) this.close(page)
    this.top()?.instance.onShow()
  }

  private pageNotFoundListeners: PageNotFoundListener[] = []

  /** wx.onPageNotFound: WeChat calls it when the page the mini-program opens on is not in app.json. */
  onPageNotFound(listener: PageNotFoundListener): void {
    this.pageNotFoundListeners.push(listener)
  }

  /**
   * Opening the mini-program on a page (a share card, a subscribe message): a page missing from
   * app.json goes to the onPageNotFound listeners, with no page open, which must redirect; with none,
   * WeChat shows its own 页面不存在, here a failure.
   */
  launch(url: string): void {
    const mark = url.indexOf('?')
    const route = (mark < 0 ? url : url.slice(0, mark)).replace(/^\//, '')
    if (this.routes.pages.includes(route) || this.pageNotFoundListeners.length === 0) return this.reLaunch(url)
    this.closeAll()
    for (const listener of this.pageNotFoundListeners) listener({ path: route, query: parseQuery(mark < 0 ? '' : url.slice(mark + 1)), isEntryPage: true })
  }

  reLaunch(url: string): void {
    const target = this.resolve(url)
    this.closeAll()
    this.stack.push(this.routes.tabs.has(target.route) ? this.openTab(target.route) : this.openPage(target.route, target.query))
  }

  /** Every page unloads, tab pages included (reLaunch, and the end of a test). */
  closeAll(): void {
    for (const page of this.stack.splice(0).reverse()) if (!this.routes.tabs.has(page.route)) page.close()
    for (const page of this.tabPages.values()) page.close()
    this.tabPages.clear()
  }

  private openTab(route: string): OpenPage {
    const page = this.openPage(route, {})
    this.tabPages.set(route, page)
    return page
  }

  private close(page: OpenPage): void {
    if (this.tabPages.get(page.route) === page) return page.instance.onHide()
    page.close()
  }

  /** An absolute url (/pages/…) or one relative to the page on top, as WeChat accepts both. */
  private resolve(url: string): Target {
    const mark = url.indexOf('?')
    const [path, search] = mark < 0 ? [url, ''] : [url.slice(0, mark), url.slice(mark + 1)]
    const from = this.top()?.route ?? ''
    const route = path.startsWith('/') ? path.slice(1) : posix.normalize(posix.join(posix.dirname(from), path))
    if (!this.routes.pages.includes(route)) throw new ApiFail(`page "${route}" is not found`)
    return { route, query: parseQuery(search) }
  }
}

/**
 * onLoad's query as WeChat's router makes it, which is not URLSearchParams: values stay encoded (the
 * page decodes them), a key without `=` gets the string "undefined", and a value is cut at its
 * next `=` (reported on the WeChat developer forum, kept by WeChat for compatibility).
 */
function parseQuery(search: string): Record<string, string> {
  const query: Record<string, string> = {}
  for (const pair of search.split('&').filter(Boolean)) {
    const [key, value] = pair.split('=')
    query[key] = String(value)
  }
  return query
}
