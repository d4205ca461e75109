import { Text, View } from '@tarojs/components'
import type { WishSignals } from '@/types'

/** A median in hours as people say it: hours up to two days, days after; "—" when nothing got that far. */
export function hoursLine(hours: number | null): string {
  if (hours === null) return '—'
  const oneDecimal = (n: number) => Math.round(n * 10) / 10
  return hours < 48 ? `${oneDecimal(hours)} 小时` : `${oneDecimal(hours / 24)} 天`
}

/** One unit's 微心愿 figures: the flow (posted → published → claimed → realised), then how long and what went wrong. */
export function WishSignalsCard({ title, signals }: { title: string; signals: WishSignals }) {
  const flow: [string, number][] = [
    ['提交', signals.posted],
    ['发布', signals.published],
    ['认领', signals.claimed],
    ['实现', signals.realised],
  ]
  const lines: [string, string][] = [
    ['认领用时（中位数）', hoursLine(signals.medianHoursToClaim)],
    ['实现用时（中位数）', hoursLine(signals.medianHoursToRealise)],
    ['认领到期', `${signals.lapses} 次`],
    ['扩大后仍未认领', `${signals.unclaimedAfterWidening} 个`],
  ]
  return (
    <View className="card wish-signals">
      <Text className="card__title">{title}</Text>
      <View className="wish-figures">
        {flow.map(([name, value]) => (
          <View key={name} className="wish-figure">
            <Text className="wish-figure__value">{value}</Text>
            <Text className="wish-figure__name">{name}</Text>
          </View>
        ))}
      </View>
      {lines.map(([name, value]) => (
        <View key={name} className="wish-signals__row">
          <Text className="wish-signals__name">{name}</Text>
          <Text className="wish-signals__value">{value}</Text>
        </View>
      ))}
    </View>
  )
}
