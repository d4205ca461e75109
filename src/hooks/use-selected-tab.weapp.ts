import Taro, { useDidShow } from '@tarojs/taro'
import { selectTab } from '@/services/tab-bar-state'
import { tabIndexOf } from '@/services/tabs'

/**
 * The mini-program's own tab bar shows this page's tab selected whenever the page shows: the bar's
 * tap selects it at once, but a switchTab from code, a reLaunch or a back onto a tab page does not
 * pass through the bar (WeChat: 如需实现 tab 选中态，要在当前页面下…更新选中态).
 */
export function useSelectedTab(): void {
  useDidShow(() => selectTab(tabIndexOf(Taro.getCurrentInstance().router?.path ?? '')))
}
