import type { Router } from './router'
import { asyncApi, syncApi, type WxCall } from './wx-api'

/** wx's five routing APIs over the harness's page stack, each answering once the new page is ready, and wx.onPageNotFound. */
export function navigationApis(router: Router, calls: WxCall[]): Record<string, unknown> {
  const url = (options: Record<string, unknown>) => String(options.url ?? '')
  return {
    navigateTo: asyncApi('navigateTo', calls, (options) => router.navigateTo(url(options))),
    redirectTo: asyncApi('redirectTo', calls, (options) => router.redirectTo(url(options))),
    switchTab: asyncApi('switchTab', calls, (options) => router.switchTab(url(options))),
    reLaunch: asyncApi('reLaunch', calls, (options) => router.reLaunch(url(options))),
    navigateBack: asyncApi('navigateBack', calls, ({ delta }) => router.navigateBack(typeof delta === 'number' ? delta : 1)),
    onPageNotFound: syncApi('onPageNotFound', calls, (listener: Parameters<Router['onPageNotFound']>[0]) => router.onPageNotFound(listener)),
  }
}
