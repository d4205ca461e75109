import { join } from 'node:path'
import type { ActionName, FunctionName } from '@/types'
import type { Answers } from './answers'
import { distRoot, readAppRoutes } from './dist'
import { FakeCloud, type CloudCall } from './fake-cloud'
import { FakeDevice, standardPhone, type DeviceProfile } from './fake-device'
import { FakeMedia } from './fake-media'
import { FakePrivacy } from './fake-privacy'
import { FakeSubscribe } from './fake-subscribe'
import { FakeTabBar } from './fake-tab-bar'
import { navigationApis } from './navigation'
import { installPageBridge, launchedApp } from './page-bridge'
import type { PageView } from './page-view'
import { loadTaroComp, openPage } from './pages'
import { expectNoProblems } from './problems'
import { Router } from './router'
import { fire, installSimulator } from './simulator'
import { hostDelay, settled, trackAppTimers } from './idle'
import { until } from './wait'
import type { WxCall } from './wx-api'

let started = false

/**
 * Answers every test starts with. Each page that asks for subscriptions at its taps loads the caller's
 * templates when it shows (directory.mySubscriptions); [] is a deployment with no subscribe template
 * configured, where the app asks nothing. A test about subscriptions answers its own. Each tab page
 * asks for the 消息 badge's count when it shows (requests.unreadMessages); 0 is nothing unread. 首页
 * reads the caller's open items and who to ring on every show: nothing open and nothing bound, unless
 * a test about 首页 says otherwise.
 */
const unlessTheTestSaysOtherwise: Answers = {
  directory: { mySubscriptions: [], homeContacts: { community: null, gridWorker: null } },
  requests: { listMine: { items: [], nextCursor: null }, unreadMessages: { unread: 0 } },
  wishes: { listMine: { items: [], nextCursor: null } },
}

/**
 * Starts the built mini-program (dist/weapp) in the simulator: a fake `wx` first, because Taro builds
 * its API from Object.keys(wx) when its runtime loads, so every API the app may call must already be
 * there; then app.js and App.onLaunch. Once per test file: webpack runs each module once and Taro's
 * `comp` registers once, and jest gives every test file its own module registry, so a file is a
 * fresh process as far as the app can tell. Between tests the pages close and the fakes reset.
 */
export function startWeapp({ device = {} }: { device?: Partial<DeviceProfile> } = {}) {
  if (started) throw new Error('startWeapp() once per test file: the built app.js runs once per module registry')
  started = true
  installSimulator()
  trackAppTimers()

  const routes = readAppRoutes()
  const wxCalls: WxCall[] = []
  const privacy = new FakePrivacy()
  const media = new FakeMedia(privacy, routes.requiredPrivateInfos)
  const cloud = new FakeCloud((path) => media.wasIssued(path))
  const phone = new FakeDevice({ ...standardPhone, ...device })
  const subscribe = new FakeSubscribe()
  const router = new Router(routes, (route, query) =>
    openPage(route, query, (openType, button) => {
      // WeChat records the agreement itself, then tells the page through bindagreeprivacyauthorization.
      if (openType !== 'agreePrivacyAuthorization') return
      privacy.agreeButtonTapped(button.__wxElement?.id ?? '')
      fire(button, 'agreeprivacyauthorization', {}, false)
    }, routes.customTabBar && routes.tabs.has(route)),
  )

  const tabBar = new FakeTabBar(routes, router)
  const wx: Record<string, unknown> = {
    ...phone.apis(wxCalls),
    ...media.apis(wxCalls),
    ...privacy.apis(wxCalls),
    ...subscribe.apis(wxCalls),
    ...navigationApis(router, wxCalls),
    ...tabBar.apis(wxCalls),
    cloud: cloud.apis(wxCalls),
  }
  ;(globalThis as unknown as { wx: object }).wx = wx
  installPageBridge(() => router.pages().map((page) => page.instance))
  require(join(distRoot, 'app.js'))
  loadTaroComp()
  const launch = { path: routes.pages[0], query: {}, scene: 1001 }
  launchedApp().onLaunch?.(launch)
  launchedApp().onShow?.(launch)

  beforeEach(() => {
    wxCalls.length = 0
    for (const fake of [cloud, media, privacy, subscribe, phone, tabBar]) fake.reset()
    cloud.answer(unlessTheTestSaysOtherwise)
  })
  afterEach(async () => {
    router.closeAll()
    // Taro unmounts a closed page's React tree a tick later; what it logs then belongs to this test.
    await hostDelay(0)
    expectNoProblems()
  })

  const top = () => router.top()
  const topView = () => {
    const page = top()
    if (!page) throw new Error('no page is open')
    return page.view
  }
  const explainStack = () => `open pages: ${router.pages().map((page) => page.route).join(' → ') || 'none'}`

  return {
    /** What the functions answer; merged over earlier answers of the same test. */
    answer: (answers: Answers) => cloud.answer(answers),
    /** Opens the app on a page as a fresh launch (reLaunch: any page, tab or not). */
    async launch(url: string): Promise<PageView> {
      router.launch(url)
      await settled()
      return topView()
    },
    /** The page on top, once it is `route` (navigation lands a tick after the tap). */
    page: (route?: string): Promise<PageView> =>
      until(`the page ${route ?? ''} on top`, () => {
        const page = top()
        return page && (!route || page.route === route) && page.view
      }, explainStack),
    /** The routes of the page stack, bottom first (getCurrentPages()). */
    stack: () => router.pages().map((page) => page.route),
    /** The back button in the navigation bar. */
    async back(): Promise<void> {
      router.navigateBack(1)
      await settled()
    },
    /** Every callFunction so far, or those of one function and action. */
    cloudCalls<F extends FunctionName>(name?: F, action?: ActionName<F>): CloudCall[] {
      return cloud.calls.filter((call) => (!name || call.name === name) && (!action || call.action === action))
    },
    /** Waits for the `count`-th call of the action and returns it. */
    waitForCall<F extends FunctionName>(name: F, action: ActionName<F>, count = 1): Promise<CloudCall> {
      const of = () => cloud.calls.filter((call) => call.name === name && call.action === action)
      return until(`call ${count} of ${name}.${action}`, () => of()[count - 1], () => `calls: ${cloud.calls.map((c) => `${c.name}.${c.action}`).join(', ')}`)
    },
    /** The options of every call the app made to wx.<api> (wx.cloud.<api> is `cloud.<api>`). */
    wxCalls: (api: string): Record<string, unknown>[] => wxCalls.filter((call) => call.api === api).map((call) => call.args[0] as Record<string, unknown>),
    /** Calls wx.<api> as the app would, without callbacks: it answers a Promise of the result. */
    callWx: (api: string, options: Record<string, unknown> = {}): Promise<Record<string, unknown>> =>
      (wx[api] as (options: Record<string, unknown>) => Promise<Record<string, unknown>>)(options),
    toasts: (): string[] => wxCalls.filter((call) => call.api === 'showToast').map((call) => String((call.args[0] as { title?: unknown }).title)),
    uploads: () => [...cloud.uploads],
    media,
    privacy,
    subscribe,
    phone,
    tabBar,
  }
}

export type Weapp = ReturnType<typeof startWeapp>
