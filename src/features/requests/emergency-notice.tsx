import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { Notice } from '@/components/status-views'
import { OutOfScope, outOfScopeGuidance } from '@/types'

const urgent = OutOfScope.options.filter((scope) => outOfScopeGuidance[scope].urgent)
const elsewhere = OutOfScope.options.filter((scope) => !outOfScopeGuidance[scope].urgent)

const dial = (phone: string) => () => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)

/**
 * Shown before anything else on the filing page: an emergency must never wait in a queue measured in
 * hours, so the number is one tap away.
 */
export function EmergencyNotice() {
  return (
    <Notice tone="bad" title="紧急情况，请马上打电话">
      {urgent.map((scope) => (
        <View key={scope} className="call-row">
          <Text className="call-row__text">{outOfScopeGuidance[scope].guidance}</Text>
          <ActionButton small tone="danger" onClick={dial(outOfScopeGuidance[scope].phone)}>
            拨打 {outOfScopeGuidance[scope].phone}
          </ActionButton>
        </View>
      ))}
    </Notice>
  )
}

/** What the committee cannot settle, with where to go instead, so nobody files and waits for nothing. */
export function OtherDoors() {
  return (
    <Notice tone="info" title="这些事请找对应的部门">
      {elsewhere.map((scope) => (
        <Text key={scope}>
          {outOfScopeGuidance[scope].label}：{outOfScopeGuidance[scope].guidance}
        </Text>
      ))}
    </Notice>
  )
}
