import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'

/**
 * The mini-program: WeChat's dialer prompt (wx.makePhoneCall). Cancelling it is not an error. Who is
 * rung on one line, the number whole on the next, as in H5.
 */
export function CallButton({ phone, label = '拨打' }: { phone: string; label?: string }) {
  return (
    <ActionButton tone="primary" onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      <Text className="call-button__who">{label}</Text> <Text className="call-button__number">{phone}</Text>
    </ActionButton>
  )
}
