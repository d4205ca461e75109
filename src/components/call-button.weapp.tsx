import Taro from '@tarojs/taro'
import { ActionButton } from '@/components/action-button'

/** The mini-program: WeChat's dialer prompt (wx.makePhoneCall). Cancelling it is not an error. */
export function CallButton({ phone, label = '拨打' }: { phone: string; label?: string }) {
  return (
    <ActionButton tone="primary" onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      {`${label} ${phone}`}
    </ActionButton>
  )
}
