import { Text } from '@tarojs/components'
import type { WhoAmI } from '@/types'
import { dayLine } from '@/types/calendar'
import { Notice } from '@/components/status-views'
import { householdLine } from '@/services/labels'

/** Where my household binding stands, including why the committee said no last time. */
export function BindingStatus({ me }: { me: WhoAmI }) {
  if (me.pendingBinding) {
    return (
      <Notice tone="warn" title="绑定申请正在等居委会确认">
        <Text>{householdLine(me.pendingBinding.household)}</Text>
        <Text>提交于 {dayLine(me.pendingBinding.createdAt)}，确认后会在这里显示。</Text>
      </Notice>
    )
  }
  if (!me.household && me.lastRefusedBinding) {
    return (
      <Notice tone="bad" title="上次的绑定申请没有通过">
        <Text>{householdLine(me.lastRefusedBinding.household)}</Text>
        <Text>居委会说明：{me.lastRefusedBinding.reason ?? '没有填写原因'}</Text>
        <Text>核对后可以重新申请，也可以到居委会当面办理。</Text>
      </Notice>
    )
  }
  return null
}
