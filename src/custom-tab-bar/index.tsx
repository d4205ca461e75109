import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { CSSProperties } from 'react'
import { useElderMode } from '@/services/elder-mode'
import { fontScale } from '@/services/font-scale'
import { selectTab, useTabBarState } from '@/services/tab-bar-state'
import { TABS } from '@/services/tabs'
import './index.scss'

/**
 * The mini-program's tab bar (app.config.ts tabBar.custom, weapp only). WeChat's native bar takes
 * colours and icons but no font size, so its labels stayed small at any font setting and in 长辈模式
 * (issue 9); this one sizes them like the pages (fs(): WeChat's font setting × 长辈模式) and keeps
 * each tab a 44 pt target. Every tab page has its own instance: what is selected and the badges come
 * from tab-bar-state, which all of them share.
 */
export default function CustomTabBar() {
  const { selected, badges } = useTabBarState()
  const scale = fontScale(useElderMode())
  const style = scale === 1 ? undefined : ({ '--jc-fs': String(scale) } as CSSProperties)
  return (
    <View className="tab-bar" style={style}>
      {TABS.map((tab, index) => {
        const on = index === selected
        const badge = badges[index]
        return (
          <View
            key={tab.pagePath}
            className={`tab-bar__item${on ? ' tab-bar__item--selected' : ''}`}
            onClick={() => {
              selectTab(index)
              void Taro.switchTab({ url: `/${tab.pagePath}` })
            }}
          >
            <View className="tab-bar__icon-box">
              <Image className="tab-bar__icon" src={`/${on ? tab.selectedIconPath : tab.iconPath}`} />
              {badge && <Text className="tab-bar__badge">{badge}</Text>}
            </View>
            <Text className="tab-bar__label">{tab.text}</Text>
          </View>
        )
      })}
    </View>
  )
}
