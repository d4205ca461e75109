import Taro from '@tarojs/taro'

/**
 * The browser build draws Taro's own tab bar, which takes its badges from Taro's tab bar API. It
 * answers only once the bar is drawn, and the next tab page's show sets the badge again, so a
 * refusal is not worth a word to the resident.
 */
export function showTabBadge(index: number, text: string | null): void {
  const set = text ? Taro.setTabBarBadge({ index, text }) : Taro.removeTabBarBadge({ index })
  void Promise.resolve(set).catch(() => undefined)
}
