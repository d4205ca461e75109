import Taro from '@tarojs/taro'

/** The tab pages (app.config.ts tabBar): reached by switchTab, never by navigateTo, and with no way "back". */
export const TAB_PATHS = ['/pages/home/index', '/pages/messages/index', '/pages/mine/index']

export const isTabPath = (path: string) => TAB_PATHS.includes(path.split('?')[0])

/** Only a page of this app is a place to come back to (never another site: no open redirect). */
export const isAppPath = (url: string) => /^\/pages(-[a-z]+)?\/[a-z-]+\/index(\?.*)?$/.test(url)

/**
 * The page on screen as a URL to come back to: its path and query. Taro adds its own keys to the
 * query (`$taroTimestamp`, `stamp`); they are not the page's.
 */
export function currentPageUrl(): string {
  const router = Taro.getCurrentInstance().router
  const path = `/${(router?.path ?? '').split('?')[0].replace(/^\//, '')}`
  const query = Object.entries(router?.params ?? {})
    .filter(([key, value]) => !key.startsWith('$') && key !== 'stamp' && value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&')
  return query ? `${path}?${query}` : path
}
