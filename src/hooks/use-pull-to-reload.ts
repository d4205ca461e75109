import Taro, { usePullDownRefresh } from '@tarojs/taro'

/**
 * A pull on the page reloads what it shows. WeChat's own spinner stops at once: the page shows its
 * own loading state while the reload runs (enablePullDownRefresh in the page's config turns it on).
 */
export function usePullToReload(reload: () => void): void {
  usePullDownRefresh(() => {
    reload()
    void Taro.stopPullDownRefresh()
  })
}
