import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { Failed } from '@/components/status-views'
import type { Loaded } from '@/hooks/use-result'
import type { ActionOutput } from '@/types'

type ToDecide = ActionOutput<'council', 'listProposals'>
type Assisted = ActionOutput<'council', 'listAssistedBallots'>
type Props = {
  /** The first page of proposals to decide, or null when deciding is not this person's work (the committee's). */
  toDecide: Loaded<ToDecide> | null
  /** The assisted ballots waiting for a second member of staff, or null when this person enters none. */
  assisted: Loaded<Assisted> | null
  reload: () => void
}

const go = (url: string) => () => void Taro.navigateTo({ url })

function decideBadge(toDecide: Loaded<ToDecide> | null): string | undefined {
  if (toDecide?.state !== 'ready' || toDecide.data.items.length === 0) return undefined
  return `${toDecide.data.items.length}${toDecide.data.nextCursor ? '+' : ''} 个待决定`
}

/** One's own entries wait for someone else: only a colleague's count as waiting on this person. */
function assistedBadge(assisted: Loaded<Assisted> | null): string | undefined {
  if (assisted?.state !== 'ready') return undefined
  const waiting = assisted.data.filter((ballot) => !ballot.mine).length
  return waiting > 0 ? `${waiting} 张待确认` : undefined
}

/** The ways into 邻里议事厅 work: opening a topic, proposals to decide, assisted votes, 每月一题. */
export function CouncilEntries({ toDecide, assisted, reload }: Props) {
  return (
    <View className="section">
      <Text className="section__title">邻里议事厅</Text>
      {toDecide?.state === 'failed' && <Failed code={toDecide.code} onRetry={reload} />}
      {assisted?.state === 'failed' && <Failed code={assisted.code} onRetry={reload} />}
      {toDecide && <BigEntry tone="brand" title="发起议题" note="社区、网格或几栋楼的居民一起议、一起投票" onClick={go('/pages-council/open/index')} />}
      {toDecide && <BigEntry title="待决定的提议" badge={decideBadge(toDecide)} note="居民联署够了的提议：采纳为议题，或写明原因不采纳" onClick={go('/pages-council/decide/index')} />}
      {assisted && <BigEntry title="代录投票与确认" badge={assistedBadge(assisted)} note="替当面或打电话的居民录入选票；确认同事录入的" onClick={go('/pages-council/assisted/index')} />}
      {toDecide && <BigEntry title="每月一题" note="本月反复出现的问题，发起议题或转为主动治理" onClick={go('/pages-council/monthly/index')} />}
    </View>
  )
}
