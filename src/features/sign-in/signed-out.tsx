import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { currentPageUrl, isTabPath } from '@/services/current-page'

/** H5: signed out is not a dead end; the demo sign-in is one tap away, and comes back here after. */
export const canSignIn = true

export function SignedOut() {
  const goSignIn = () => {
    const here = currentPageUrl()
    const url = `/pages/sign-in/index?back=${encodeURIComponent(here)}`
    // A sub-page gives its place to the sign-in page, which gives it back fresh; a tab page stays.
    void (isTabPath(here) ? Taro.navigateTo({ url }) : Taro.redirectTo({ url }))
  }
  return (
    <View className="status status--bad" role="alert">
      <Text>还没有登录。这是电脑上的演示版，请先选一个演示身份登录，登录后会回到这一页。</Text>
      <ActionButton tone="primary" onClick={goSignIn}>
        去登录（本地演示登录）
      </ActionButton>
    </View>
  )
}
