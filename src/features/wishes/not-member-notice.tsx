import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { Notice } from '@/components/status-views'

/** FORBIDDEN on a member's list means the caller is not a verified member (yet): say so, and the way in. */
export function NotMemberNotice() {
  return (
    <>
      <Notice tone="info" title="认领微心愿要先党员报到">
        <Text>在支部报到、经支部书记确认的党员，才能认领本支部的微心愿。</Text>
        <Text>已经提交了报到的，请等支部书记确认。</Text>
      </Notice>
      <BigEntry tone="brand" title="党员报到" note="在职党员双报到也在这里登记" onClick={() => void Taro.navigateTo({ url: '/pages-resident/party/index' })} />
    </>
  )
}
