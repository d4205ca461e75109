/** What the simulator renders a page as, with the lifecycles Taro's createPageConfig gives it. */
export type PageInstance = Record<string, unknown> & {
  route: string
  __route__: string
  options: Record<string, string>
  onLoad(query: Record<string, string>): void
  onShow(): void
  onReady(): void
  onHide(): void
  onUnload(): void
  onPullDownRefresh?: () => void
}

export type AppInstance = Record<string, unknown> & {
  onLaunch?: (options: object) => void
  onShow?: (options: object) => void
}

type Globals = {
  App: (config: AppInstance) => void
  Page: (config: Record<string, unknown>) => void
  Component: (definition: Record<string, unknown>) => void
  getApp: () => AppInstance
  getCurrentPages: () => PageInstance[]
}

let app: AppInstance | null = null

/**
 * WeChat's App(), Page(), getApp() and getCurrentPages() for the built app.js and page files.
 * Taro reads getApp and getCurrentPages as globals when its runtime loads, so these go in before
 * app.js. The simulator knows only Component(): a page becomes a component whose methods are the
 * page's own (onLoad, onShow, eh…) and the router calls the lifecycles a page would get.
 */
export function installPageBridge(currentPages: () => PageInstance[]): void {
  const g = globalThis as unknown as Globals
  g.App = (config) => {
    if (app) throw new Error('App() called twice: the mini-program has one App')
    app = config
  }
  g.getApp = () => {
    if (!app) throw new Error('getApp() before App()')
    return app
  }
  g.getCurrentPages = currentPages
  g.Page = (config) => {
    const methods = Object.fromEntries(Object.entries(config).filter(([, value]) => typeof value === 'function'))
    g.Component({ data: config.data ?? {}, methods, ...(config.behaviors ? { behaviors: config.behaviors } : {}) })
  }
}

export function launchedApp(): AppInstance {
  if (!app) throw new Error('app.js did not call App()')
  return app
}
