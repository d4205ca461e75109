import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { InfoRow } from '@/components/info-row'
import { Empty } from '@/components/status-views'
import { MAX_LIVE_CLAIMS, type ActionOutput } from '@/types'
import { dayLine } from '@/types/calendar'
import { wishUrl } from './open-wish'

type RecordAnswer = ActionOutput<'wishes', 'myRecord'>

const amountLine = (amount: number) => (amount > 0 ? `+${amount}` : String(amount))

/**
 * 服务记录: what the member made real (confirmed by the resident, reversals taken off), what ran out,
 * what they hold now, and the latest ledger lines, each opening its wish.
 */
export function ServiceRecordView({ record, lines }: RecordAnswer) {
  return (
    <>
      <View className="card">
        <Text className="card__title">{record.name}</Text>
        <InfoRow name="已实现">{`${record.realised} 个心愿`}</InfoRow>
        <InfoRow name="正在认领">{`${record.liveClaims} 个（最多 ${MAX_LIVE_CLAIMS} 个）`}</InfoRow>
        <InfoRow name="到期没办好">{`${record.lapses} 次`}</InfoRow>
      </View>
      <View className="section">
        <Text className="section__title">最近的记录</Text>
        {lines.length === 0 && <Empty>还没有记录。心愿经居民确认实现后，会记在这里。</Empty>}
        {lines.map((line, index) => (
          <View key={`${line.wishId}-${line.at}-${index}`} className="card ledger-line" role="button" onClick={() => void Taro.navigateTo({ url: wishUrl(line.wishId) })}>
            <Text className="card__line">{line.summary ?? '微心愿'}</Text>
            <Text className="card__line ledger-line__detail">{`${amountLine(line.amount)} · ${line.reason} · ${dayLine(line.at)}`}</Text>
          </View>
        ))}
      </View>
    </>
  )
}
