import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { Failed, Loading } from '@/components/status-views'
import type { Loaded } from '@/hooks/use-result'
import type { InboxCounts } from '@/types'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 待接单 3 · 办理中 12 · 待评价 0 (· 待审核 2 for reviewers): the inbox's tabs, counted by the server. */
export function countsLine(counts: InboxCounts): string {
  const parts = [`待接单 ${counts.toAccept}`, `办理中 ${counts.inHand}`, `待评价 ${counts.awaitingRating}`]
  return [...parts, ...(counts.review !== null ? [`待审核 ${counts.review}`] : [])].join(' · ')
}

type Props = {
  counts: Loaded<InboxCounts>
  reload: () => void
  /** The caller holds a grid, a community or a street: 代办, 巡查 and the dashboard are theirs too. */
  territory: boolean
}

/**
 * The ways into request work, with what waits on each tab and what is already late. A property
 * contact or a post the directory names has an inbox but no territory: only the inbox is offered.
 */
export function RequestEntries({ counts, reload, territory }: Props) {
  const ready = counts.state === 'ready' ? counts.data : null
  return (
    <View className="section">
      <Text className="section__title">居民诉求</Text>
      {counts.state === 'loading' && <Loading />}
      {counts.state === 'failed' && <Failed code={counts.code} onRetry={reload} />}
      <BigEntry
        tone="brand"
        title="诉求收件箱"
        badge={ready && ready.overdue > 0 ? `${ready.overdue} 件已超时` : undefined}
        note={ready ? countsLine(ready) : '待接单、办理中、待评价，超时的排在最前'}
        onClick={go('/pages-staff/inbox/index')}
      />
      {territory && (
        <>
          <BigEntry title="代居民登记（代办）" note="居民不会用手机，替他把事情登记上" onClick={go('/pages-staff/file/index?kind=onBehalf')} />
          <BigEntry title="巡查发现（主动治理）" note="走访中发现的问题，未诉先办" onClick={go('/pages-staff/file/index?kind=proactive')} />
          <BigEntry title="网格看板" note="响应率、解决率、满意率和超时清单" onClick={go('/pages-staff/dashboard/index')} />
        </>
      )}
    </View>
  )
}
