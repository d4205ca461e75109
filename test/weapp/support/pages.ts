import { join } from 'node:path'
import { distRoot, readPageJson } from './dist'
import type { PageInstance } from './page-bridge'
import { PageView, type OpenTypeTap } from './page-view'
import { sim } from './simulator'

export type OpenPage = { route: string; instance: PageInstance; view: PageView; tabBar: PageView | null; close(): void }

const componentIds = new Map<string, string>()
let compId: string | null = null

/**
 * Taro's `comp` (the recursive template component every page uses) registers when comp.js first
 * runs, and webpack runs each module once per process: loaded a second time, it would register
 * nothing. So it is loaded once and every page is pointed at that one registration.
 */
export function loadTaroComp(): void {
  compId = sim().load(join(distRoot, 'comp'), 'comp', { rootPath: distRoot })
}

/** Likewise a page file calls Page() once; every later visit renders that same registration. */
function componentIdOf(route: string): string {
  const known = componentIds.get(route)
  if (known) return known
  if (!compId) throw new Error('loadTaroComp() first')
  const id = sim().load(join(distRoot, route), { rootPath: distRoot, usingComponents: { comp: compId } })
  componentIds.set(route, id)
  return id
}

const CUSTOM_TAB_BAR = 'custom-tab-bar/index'

/**
 * Renders a page and runs what WeChat runs when it opens one: onLoad(query), onShow, onReady. A tab
 * page of an app with a custom tab bar gets its own instance of the bar, as in WeChat, attached with
 * the page (before its onLoad, as a page's components are) and gone with it.
 */
export function openPage(route: string, query: Record<string, string>, onOpenType: OpenTypeTap, withTabBar = false): OpenPage {
  const root = sim().render(componentIdOf(route))
  const container = document.createElement('div')
  container.dataset.route = route
  document.body.appendChild(container)
  root.attach(container)
  const barRoot = withTabBar ? sim().render(componentIdOf(CUSTOM_TAB_BAR)) : null
  barRoot?.attach(container)
  const instance = root.instance as PageInstance
  instance.route = route
  instance.__route__ = route
  instance.options = query
  const view = new PageView(route, query, readPageJson(route), root, { pullDown: () => instance.onPullDownRefresh?.(), onOpenType })
  instance.onLoad(query)
  instance.onShow()
  instance.onReady()
  return {
    route,
    instance,
    view,
    tabBar: barRoot && new PageView(CUSTOM_TAB_BAR, {}, {}, barRoot, { pullDown: () => undefined, onOpenType }),
    close: () => {
      instance.onUnload()
      barRoot?.detach()
      root.detach()
      container.remove()
    },
  }
}
