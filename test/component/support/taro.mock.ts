// The smallest stand-in for @tarojs/taro that the pages touch: storage, navigation, toasts and the
// page lifecycle hooks. Service calls are faked at `call`, never here.
import { useEffect } from 'react'

const storage = new Map<string, unknown>()

export const navigations: string[] = []
export const toasts: string[] = []

export function resetTaroMock() {
  storage.clear()
  navigations.length = 0
  toasts.length = 0
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
}

// The pages reload on show; in a test a mount is the show.
export const useDidShow = (fn: () => void) => useEffect(fn, [])
export const usePullDownRefresh = () => undefined

export default Taro
