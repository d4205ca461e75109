import { Text, View } from '@tarojs/components'
import type { RequestRates } from '@/types'

const percent = (rate: number | null) => (rate === null ? '暂无' : `${Math.round(rate * 100)}%`)

/** The three rates with the counts behind them: a 100% of one item should look like one item. */
export function RatesCard({ title, rates }: { title: string; rates: RequestRates }) {
  const lines: [string, number | null, string][] = [
    ['响应率', rates.responseRate, `按时响应 ${rates.respondedOnTime} / ${rates.responseCounted} 件`],
    ['解决率', rates.resolutionRate, `评价解决 ${rates.resolved} / ${rates.rated} 件，部分解决 ${rates.partly} 件`],
    ['满意率', rates.satisfactionRate, `满意和基本满意 ${rates.satisfied} / ${rates.rated} 件`],
  ]
  return (
    <View className="card rates">
      <Text className="card__title">{title}</Text>
      {lines.map(([name, rate, counts]) => (
        <View key={name} className="rates__row">
          <Text className="rates__name">{name}</Text>
          <Text className="rates__value">{percent(rate)}</Text>
          <Text className="rates__counts">{counts}</Text>
        </View>
      ))}
      <Text className="card__line">{`派单 ${rates.dispatched} 件 · 未评价结案 ${rates.closedUnrated} 件 · 主动治理 ${rates.proactive} 件`}</Text>
    </View>
  )
}
