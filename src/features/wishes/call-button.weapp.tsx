import Taro from '@tarojs/taro'
import { ActionButton } from '@/components/action-button'

/** The mini-program: WeChat's dialer prompt. Cancelling it is not an error. */
export function CallButton({ phone }: { phone: string }) {
  return (
    <ActionButton tone="primary" onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      {`拨打 ${phone}`}
    </ActionButton>
  )
}
