// The smallest stand-in for @tarojs/taro that the pages touch: storage, navigation, toasts, the
// page lifecycle hooks and the share hooks. Service calls are faked at `call`, never here.
import { useEffect, useRef } from 'react'

const storage = new Map<string, unknown>()

export const navigations: string[] = []
export const toasts: string[] = []
/** The query of the page under test (useRouter().params); a test sets what the URL would carry. */
export const routerParams: Record<string, string> = {}
/** The tab bar's badge calls, in order: `set 1 3` (index, text) or `remove 1`. */
export const tabBadges: string[] = []
/** The page on screen (getCurrentInstance().router.path) and how many pages the stack holds; a tab page unless a test says otherwise. */
export const currentPage = { path: '/pages/home/index', depth: 1 }
/** What the photo picker hands back next; empty means the resident cancelled. */
export const pickedPhotos: string[] = []
/** The selectors pageScrollTo was asked to bring into view, in order (a form's first error). */
export const scrolledTo: string[] = []

/**
 * What a selector query measures: jsdom lays nothing out, so a test that needs a row's height (the
 * windowed list) says it here; 0, the default, is a row not laid out yet.
 */
export const layout = { rowHeight: 0, windowHeight: 844 }

type PageEvent<T> = (event: T) => void
const pageHandlers = { scroll: new Set<PageEvent<{ scrollTop: number }>>(), reachBottom: new Set<PageEvent<void>>(), pullDown: new Set<PageEvent<void>>() }

/** Registers a page event handler for as long as the component is mounted, calling its latest render's callback. */
function usePageEvent<T>(handlers: Set<PageEvent<T>>, fn: PageEvent<T>) {
  const latest = useRef(fn)
  latest.current = fn
  useEffect(() => {
    const handler: PageEvent<T> = (event) => latest.current(event)
    handlers.add(handler)
    return () => void handlers.delete(handler)
  }, [handlers])
}

/** The page scrolled to `scrollTop`, as onPageScroll reports it. */
export const scrollPageTo = (scrollTop: number) => pageHandlers.scroll.forEach((handler) => handler({ scrollTop }))
/** The page reached its bottom (onReachBottom). */
export const reachBottom = () => pageHandlers.reachBottom.forEach((handler) => handler())
/** The resident pulled the page down (onPullDownRefresh). */
export const pullDown = () => pageHandlers.pullDown.forEach((handler) => handler())

export function resetTaroMock() {
  layout.rowHeight = 0
  layout.windowHeight = 844
  storage.clear()
  navigations.length = 0
  toasts.length = 0
  pickedPhotos.length = 0
  tabBadges.length = 0
  Object.assign(currentPage, { path: '/pages/home/index', depth: 1 })
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
  getCurrentInstance: () => ({ router: { path: currentPage.path, params: routerParams } }),
  getCurrentPages: () => Array.from({ length: currentPage.depth }, () => ({})),
  showToast: async ({ title }: { title: string }) => void toasts.push(title),
  stopPullDownRefresh: async () => undefined,
  makePhoneCall: async ({ phoneNumber }: { phoneNumber: string }) => void navigations.push(`tel:${phoneNumber}`),
  previewImage: async () => undefined,
  setTabBarBadge: async ({ index, text }: { index: number; text: string }) => void tabBadges.push(`set ${index} ${text}`),
  removeTabBarBadge: async ({ index }: { index: number }) => void tabBadges.push(`remove ${index}`),
  getSystemInfoSync: () => ({ windowHeight: layout.windowHeight }),
  createSelectorQuery: () => {
    const query = {
      select: () => query,
      boundingClientRect: () => query,
      selectViewport: () => query,
      scrollOffset: () => query,
      exec: (done: (answers: unknown[]) => void) => done([{ top: 0, height: layout.rowHeight }, { scrollTop: 0 }]),
    }
    return query
  },
  pageScrollTo: async ({ selector }: { selector: string }) => void scrolledTo.push(selector),
  chooseMedia: async ({ count }: { count: number }) => {
    if (pickedPhotos.length === 0) throw { errMsg: 'chooseMedia:fail cancel' }
    return { type: 'image', tempFiles: pickedPhotos.splice(0, count).map((tempFilePath) => ({ tempFilePath, size: 48_000, fileType: 'image' })) }
  },
}

// The pages reload on show; in a test a mount is the show.
export const useDidShow = (fn: () => void) => useEffect(fn, [])
export const usePullDownRefresh = (fn: () => void) => usePageEvent(pageHandlers.pullDown, fn)
export const usePageScroll = (fn: PageEvent<{ scrollTop: number }>) => usePageEvent(pageHandlers.scroll, fn)
export const useReachBottom = (fn: () => void) => usePageEvent(pageHandlers.reachBottom, fn)
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
