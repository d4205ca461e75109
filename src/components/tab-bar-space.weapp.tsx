import '@/styles/tab-bar-space.weapp.scss'
import { View } from '@tarojs/components'

/**
 * The mini-program's own tab bar is fixed over the bottom of its page and grows with the type
 * (custom-tab-bar); the end of a tab page stays above it, whatever WeChat reserves for a bar.
 */
export function TabBarSpace() {
  return <View className="tab-bar-space" />
}
