import { reportProblem } from './problems'
import { ApiFail, asyncApi, syncApi, type WxCall } from './wx-api'

/** The phone the app runs on; fontSizeScaleFactor is WeChat's 关怀模式 text size (1 is standard). */
export type DeviceProfile = { fontSizeScaleFactor: number; fontSizeSetting: number; windowWidth: number; windowHeight: number; pixelRatio: number; platform: 'ios' | 'android' }

export const standardPhone: DeviceProfile = { fontSizeScaleFactor: 1, fontSizeSetting: 17, windowWidth: 375, windowHeight: 724, pixelRatio: 3, platform: 'ios' }

type ModalAnswer = { confirm: boolean; content?: string }

/**
 * wx.createSelectorQuery as WeChat answers it, one answer per field asked for, in order, at exec. The
 * simulator lays nothing out, so every node measures 0 × 0 at the top and the page is not scrolled:
 * what a page measures before its first layout.
 */
function selectorQuery() {
  const fields: ('rect' | 'scroll')[] = []
  const query = {
    select: () => query,
    selectAll: () => query,
    selectViewport: () => query,
    in: () => query,
    boundingClientRect: () => (fields.push('rect'), query),
    scrollOffset: () => (fields.push('scroll'), query),
    exec: (callback?: (answers: unknown[]) => void) => {
      const answers = fields.map((field) => (field === 'rect' ? { top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0 } : { scrollTop: 0, scrollLeft: 0 }))
      setTimeout(() => callback?.(answers), 0)
    },
  }
  return query
}

/** Storage, system information, toasts, modals, loading, and the small device actions. */
export class FakeDevice {
  private storage = new Map<string, string>()
  private modalAnswers: ModalAnswer[] = []

  constructor(private readonly phone: DeviceProfile) {}

  /** What the person taps in the next modals, in order; unsaid, they tap 确定. */
  willAnswerModal(...answers: ModalAnswer[]): void {
    this.modalAnswers.push(...answers)
  }

  reset(): void {
    this.storage.clear()
    this.modalAnswers = []
  }

  apis(calls: WxCall[]): Record<string, unknown> {
    const { windowWidth, windowHeight, pixelRatio, platform, fontSizeScaleFactor, fontSizeSetting } = this.phone
    const windowInfo = { pixelRatio, screenWidth: windowWidth, screenHeight: windowHeight + 88, windowWidth, windowHeight, statusBarHeight: 44, screenTop: 88, safeArea: { top: 44, left: 0, right: windowWidth, bottom: windowHeight + 54, width: windowWidth, height: windowHeight + 10 } }
    const deviceInfo = { brand: 'iPhone', model: 'iPhone 13', system: platform === 'ios' ? 'iOS 17.5' : 'Android 14', platform, benchmarkLevel: 1 }
    const appBaseInfo = { SDKVersion: '3.7.12', version: '8.0.54', language: 'zh_CN', theme: 'light', enableDebug: false, fontSizeScaleFactor, fontSizeSetting, host: { env: 'WeChat' } }
    // WeChat stores values as JSON and answers '' for a key it does not hold.
    const read = (key: string): unknown => (this.storage.has(key) ? JSON.parse(this.storage.get(key) as string) : '')
    const write = (key: string, value: unknown) => void this.storage.set(key, JSON.stringify(value))
    const done = () => undefined
    return {
      getSystemInfoSync: syncApi('getSystemInfoSync', calls, () => ({ ...windowInfo, ...deviceInfo, ...appBaseInfo })),
      getSystemInfo: asyncApi('getSystemInfo', calls, () => ({ ...windowInfo, ...deviceInfo, ...appBaseInfo })),
      getWindowInfo: syncApi('getWindowInfo', calls, () => ({ ...windowInfo })),
      getDeviceInfo: syncApi('getDeviceInfo', calls, () => ({ ...deviceInfo })),
      getAppBaseInfo: syncApi('getAppBaseInfo', calls, () => ({ ...appBaseInfo })),
      setStorageSync: syncApi('setStorageSync', calls, write),
      getStorageSync: syncApi('getStorageSync', calls, read),
      removeStorageSync: syncApi('removeStorageSync', calls, (key: string) => void this.storage.delete(key)),
      clearStorageSync: syncApi('clearStorageSync', calls, () => this.storage.clear()),
      setStorage: asyncApi('setStorage', calls, ({ key, data }) => write(String(key), data)),
      getStorage: asyncApi('getStorage', calls, ({ key }) => {
        if (!this.storage.has(String(key))) throw new ApiFail('data not found')
        return { data: read(String(key)) }
      }),
      removeStorage: asyncApi('removeStorage', calls, ({ key }) => void this.storage.delete(String(key))),
      showToast: asyncApi('showToast', calls, done),
      hideToast: asyncApi('hideToast', calls, done),
      showLoading: asyncApi('showLoading', calls, done),
      hideLoading: asyncApi('hideLoading', calls, done),
      showModal: asyncApi('showModal', calls, () => {
        const { confirm, content } = this.modalAnswers.shift() ?? { confirm: true }
        return { confirm, cancel: !confirm, ...(content !== undefined ? { content } : {}) }
      }),
      makePhoneCall: asyncApi('makePhoneCall', calls, done),
      previewImage: asyncApi('previewImage', calls, done),
      stopPullDownRefresh: asyncApi('stopPullDownRefresh', calls, done),
      startPullDownRefresh: asyncApi('startPullDownRefresh', calls, done),
      setNavigationBarTitle: asyncApi('setNavigationBarTitle', calls, done),
      pageScrollTo: asyncApi('pageScrollTo', calls, done),
      createSelectorQuery: syncApi('createSelectorQuery', calls, () => selectorQuery()),
      vibrateShort: asyncApi('vibrateShort', calls, done),
      // The app talks to CloudBase only; a plain request means something bypassed the contract.
      request: asyncApi('request', calls, ({ url }) => {
        reportProblem(`wx.request(${String(url)}): the app should reach its functions through wx.cloud.callFunction`)
        throw new ApiFail('the weapp harness has no network')
      }),
    }
  }
}
