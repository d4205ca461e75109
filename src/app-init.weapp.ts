import Taro from '@tarojs/taro'
import { listenForConsentQuestions } from './services/privacy-consent'
import { currentPagePath } from '@/types/moved-pages'

/**
 * Connects the mini-program to CloudBase once, at launch. Without TARO_APP_CLOUD_ENV the SDK uses the
 * environment selected in WeChat DevTools, which is what a fresh checkout should do. The privacy
 * listener goes in here too: WeChat wants it registered once, before any page can call a picker.
 */
export function initPlatform(): void {
  listenForConsentQuestions()
  openMovedPages()
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
}

/**
 * A subscribe message delivered before a page moved to a subpackage still opens its old path; WeChat
 * would show its own 页面不存在. The page opens where it lives now instead.
 */
function openMovedPages(): void {
  Taro.onPageNotFound(({ path }) => {
    const moved = currentPagePath(path)
    // None of the moved pages reads a query, so none is carried over.
    if (moved !== path) void Taro.redirectTo({ url: `/${moved}` })
  })
}
