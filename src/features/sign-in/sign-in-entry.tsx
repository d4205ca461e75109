import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { Notice } from '@/components/status-views'
import { readDemoPersona } from '@/services/demo-session'

/** H5 only: who the local demo sign-in says I am, and the way to change it. */
export function SignInEntry() {
  const persona = readDemoPersona()
  const open = () => void Taro.navigateTo({ url: '/pages/sign-in/index' })
  return (
    <>
      <Notice tone="info" title="本地演示登录">
        <Text>这是在电脑上试用的演示版，用演示身份登录，不是微信登录。</Text>
        <Text>{persona ? `现在的身份：${persona.label}` : '还没有选择演示身份。'}</Text>
      </Notice>
      <BigEntry title={persona ? '换一个演示身份' : '选择演示身份登录'} onClick={open} />
    </>
  )
}
