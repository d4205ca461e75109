import '../styles/shell.scss'
import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { currentPageUrl, isTabPath } from '@/services/current-page'

/**
 * H5 only: Taro's browser build draws no navigation bar, so a sub-page would have no way back but
 * the browser's own button. Tab pages need none (the tab bar is their way). Opened directly (a link,
 * a reload) there is nothing to go back to, so it goes home.
 */
export function BackBar() {
  if (isTabPath(currentPageUrl())) return null
  const back = () => (Taro.getCurrentPages().length > 1 ? void Taro.navigateBack() : void Taro.switchTab({ url: '/pages/home/index' }))
  return (
    <View className="back-bar">
      <Button className="back-bar__button" onClick={back}>
        ‹ 返回
      </Button>
    </View>
  )
}
