import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { BigEntry } from '@/components/big-entry'
import { Failed } from '@/components/status-views'
import type { Loaded } from '@/hooks/use-result'
import type { ActionOutput } from '@/types'

type ReviewQueue = ActionOutput<'wishes', 'listForReview'>
type Props = {
  /** The first page of the 待核实 queue, or null when it is not this person's work. */
  toReview: Loaded<ReviewQueue> | null
  showBranch: boolean
  reload: () => void
}

const go = (url: string) => () => void Taro.navigateTo({ url })

/** The first page is all that was asked for: past it, "20+" says there is more without counting it all. */
function waitingBadge(toReview: Loaded<ReviewQueue> | null): string | undefined {
  if (toReview?.state !== 'ready' || toReview.data.items.length === 0) return undefined
  return `${toReview.data.items.length}${toReview.data.nextCursor ? '+' : ''} 个待核实`
}

/** The ways into 微心愿 work: 核实 with how many wait, the branch's view, the wall residents see. */
export function WishEntries({ toReview, showBranch, reload }: Props) {
  return (
    <View className="section">
      <Text className="section__title">微心愿</Text>
      {toReview?.state === 'failed' && <Failed code={toReview.code} onRetry={reload} />}
      {toReview && (
        <BigEntry tone="brand" title="心愿核实" badge={waitingBadge(toReview)} note="待核实、待确认、进行中的心愿" onClick={go('/pages-wish/review/index')} />
      )}
      {showBranch && <BigEntry title="支部心愿" note="待认领、认领到期、党员记录和本月排名" onClick={go('/pages-wish/branch/index')} />}
      <BigEntry title="心愿墙" note="社区已实现的心愿，向居民公示" onClick={go('/pages-wish/wall/index')} />
    </View>
  )
}
