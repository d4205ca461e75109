import Taro from '@tarojs/taro'
import { ELDER_SCALE } from './elder-scale'

// WeChat's 适老化 guide: read the resident's WeChat font setting and scale text to it
// (https://developers.weixin.qq.com/miniprogram/design/elderly.html); rpx sizes do not follow it by
// themselves. iOS's standard size is 17px; newer clients give fontSizeScaleFactor directly.
const STANDARD_PX = 17
const MAX_SCALE = 1.6
let cached: number | undefined

/** WeChat's setting, times ELDER_SCALE in 长辈模式; past MAX_SCALE a form no longer fits a phone's width. */
export const fontScale = (elderMode: boolean): number => Math.min(systemScale() * (elderMode ? ELDER_SCALE : 1), MAX_SCALE)

const systemScale = (): number => {
  if (cached !== undefined) return cached
  try {
    const info = Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number; fontSizeSetting?: number }
    const factor = info.fontSizeScaleFactor ?? (info.fontSizeSetting ? info.fontSizeSetting / STANDARD_PX : 1)
    // Never shrink below the design size; past 1.6 a form no longer fits a phone's width.
    cached = Math.min(Math.max(factor, 1), MAX_SCALE)
  } catch {
    cached = 1
  }
  return cached
}
