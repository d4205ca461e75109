import Taro from '@tarojs/taro'
import { listenForConsentQuestions } from './services/privacy-consent'

/**
 * Connects the mini-program to CloudBase once, at launch. Without TARO_APP_CLOUD_ENV the SDK uses the
 * environment selected in WeChat DevTools, which is what a fresh checkout should do. The privacy
 * listener goes in here too: WeChat wants it registered once, before any page can call a picker.
 */
export function initPlatform(): void {
  listenForConsentQuestions()
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
}
