// The smallest stand-in for @tarojs/taro that the pages touch: storage, navigation, toasts, the
// page lifecycle hooks and the share hooks. Service calls are faked at `call`, never here.
import { useEffect } from 'react'

const storage = new Map<string, unknown>()

export const navigations: string[] = []
export const toasts: string[] = []
/** The query of the page under test (useRouter().params); a test sets what the URL would carry. */
export const routerParams: Record<string, string> = {}
/** What the photo picker hands back next; empty means the resident cancelled. */
export const pickedPhotos: string[] = []
/** The selectors pageScrollTo was asked to bring into view, in order (a form's first error). */
export const scrolledTo: string[] = []

export function resetTaroMock() {
  storage.clear()
  navigations.length = 0
  toasts.length = 0
  pickedPhotos.length = 0
  scrolledTo.length = 0
  for (const key of Object.keys(routerParams)) delete routerParams[key]
}

const Taro = {
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  navigateTo: async ({ url }: { url: string }) => void navigations.push(url),
  redirectTo: async ({ url }: { url: string }) => void navigations.push(url),
  switchTab: async ({ url }: { url: string }) => void navigations.push(url),
  navigateBack: async () => void navigations.push('back'),
  showToast: async ({ title }: { title: string }) => void toasts.push(title),
  stopPullDownRefresh: async () => undefined,
  makePhoneCall: async ({ phoneNumber }: { phoneNumber: string }) => void navigations.push(`tel:${phoneNumber}`),
  previewImage: async () => undefined,
  pageScrollTo: async ({ selector }: { selector: string }) => void scrolledTo.push(selector),
  chooseMedia: async ({ count }: { count: number }) => {
    if (pickedPhotos.length === 0) throw { errMsg: 'chooseMedia:fail cancel' }
    return { type: 'image', tempFiles: pickedPhotos.splice(0, count).map((tempFilePath) => ({ tempFilePath, size: 48_000, fileType: 'image' })) }
  },
}

// The pages reload on show; in a test a mount is the show.
export const useDidShow = (fn: () => void) => useEffect(fn, [])
export const usePullDownRefresh = () => undefined
export const useRouter = () => ({ params: routerParams })
/** A page registers its share card on every render; `shareCard()` reads the last one as WeChat would on a tap. */
export const useShareAppMessage = jest.fn()
export const useShareTimeline = jest.fn()

/** What the share card says now: the last render's callbacks, called as WeChat calls them. */
export function shareCard(): { app: unknown; timeline: unknown } {
  const app = useShareAppMessage.mock.calls.at(-1)?.[0] as (() => unknown) | undefined
  const timeline = useShareTimeline.mock.calls.at(-1)?.[0] as (() => unknown) | undefined
  return { app: app?.(), timeline: timeline?.() }
}

export default Taro
