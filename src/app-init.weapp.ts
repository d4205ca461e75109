import Taro from '@tarojs/taro'

/**
 * Connects the mini-program to CloudBase once, at launch. Without TARO_APP_CLOUD_ENV the SDK uses the
 * environment selected in WeChat DevTools, which is what a fresh checkout should do.
 */
export function initPlatform(): void {
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
}
