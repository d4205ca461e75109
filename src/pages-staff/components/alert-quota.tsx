import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/action-button'
import { askAtTap, useSubscriptions } from '@/services/subscribe'
import { staffNoticeKinds, type NoticeKind } from '@/types'

const kindWords: Partial<Record<NoticeKind, string>> = { newWork: '新派单', alert: '催办督办', review: '待审核' }

/**
 * 微信提醒: how many more WeChat alerts of each kind a worker's accepted taps allow (one message per
 * 允许), and a way to add more. At zero a notice only reaches the 消息 page, so that is said plainly.
 * Someone who ticked 总是保持以上选择 is topped up at every action without a prompt.
 */
export function AlertQuota() {
  const views = useSubscriptions()
  const mine = (views ?? []).filter((view) => staffNoticeKinds.includes(view.kind))
  if (mine.length === 0) return null
  const used = mine.filter((view) => view.remaining === 0)
  const kept = mine.every((view) => view.always)
  // Synchronous, inside the tap: WeChat opens its prompt only there.
  const topUp = () => void askAtTap(staffNoticeKinds)
  return (
    <View className="section quota">
      <Text className="section__title">微信提醒</Text>
      <View className={`card${used.length > 0 ? ' quota--used' : ''}`}>
        <View className="quota__rows">
          {mine.map((view) => (
            <Text key={view.kind} className={`quota__row${view.remaining === 0 ? ' quota__row--none' : ''}`}>
              {`${kindWords[view.kind]} ${view.remaining} 条`}
            </Text>
          ))}
        </View>
        {used.length > 0 && (
          <View className="quota__warning" role="alert" onClick={topUp}>
            <Text>{`${used.map((view) => kindWords[view.kind]).join('、')}提醒已用完，点这里补充，否则只能在“消息”里看到。`}</Text>
          </View>
        )}
        {/* The how-to only where nothing presses: at zero the warning and the big button say enough. */}
        {(kept || used.length === 0) && (
          <Text className="quota__hint">
            {kept ? '已设置总是接收：您每次办事时会自动补充。' : '点“补充提醒”选“允许”，每种多一条；勾选“总是保持以上选择”，办事时自动补充。'}
          </Text>
        )}
        {/* Big when something is used up; otherwise out of the way, still a full touch target. */}
        <ActionButton tone={used.length > 0 ? 'primary' : 'plain'} small={used.length === 0} onClick={topUp}>
          补充提醒
        </ActionButton>
      </View>
    </View>
  )
}
