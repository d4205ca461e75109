import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Empty } from '@/components/status-views'
import { statusLabels } from '@/services/request-labels'
import { categoryLabels, type OverdueItem } from '@/types'
import { dateTimeLine } from '@/types/calendar'

const HOUR_MS = 3_600_000
const stageWords: Record<OverdueItem['stage'], string> = { respond: '答复', resolve: '办结' }

/** How late, in hours or days as the server measured it (overdueMs), longest late first as it sent them. */
const lateness = (ms: number) => (ms < 24 * HOUR_MS ? `${Math.max(1, Math.round(ms / HOUR_MS))} 小时` : `${Math.round(ms / (24 * HOUR_MS))} 天`)

export function OverdueList({ items }: { items: OverdueItem[] }) {
  if (items.length === 0) return <Empty>没有超时的诉求。</Empty>
  return (
    <View className="list">
      {items.map((item) => (
        <View
          key={item.requestId}
          className="card request-card request-card--overdue"
          role="button"
          onClick={() => void Taro.navigateTo({ url: `/pages-staff/request/index?id=${encodeURIComponent(item.requestId)}` })}
        >
          <Text className="card__title">{`${categoryLabels[item.category]} · ${statusLabels[item.status]}`}</Text>
          <Text className="card__line request-card__due">{`${stageWords[item.stage]}超时 ${lateness(item.overdueMs)}（应在 ${dateTimeLine(item.dueAt)} 前）`}</Text>
        </View>
      ))}
    </View>
  )
}
