import { Text, View } from '@tarojs/components'
import { setElderMode, useElderMode } from '@/services/elder-mode'

/**
 * 长辈模式 (issue 9): one tap turns it on or off, on this phone. The whole card is the target, and
 * its state is said in words (已打开 / 已关闭), not by a colour or a knob's position alone.
 */
export function ElderModeSwitch() {
  const on = useElderMode()
  return (
    <View className={`elder-switch${on ? ' elder-switch--on' : ''}`} role="switch" aria-checked={on} onClick={() => setElderMode(!on)}>
      <View className="elder-switch__words">
        <Text className="elder-switch__title">长辈模式</Text>
        <Text className="elder-switch__note">{on ? '字更大，首页只留最常用的几样。再点一下关闭。' : '字更大，首页更简单。点一下打开。'}</Text>
      </View>
      <Text className="elder-switch__state">{on ? '已打开' : '已关闭'}</Text>
    </View>
  )
}
