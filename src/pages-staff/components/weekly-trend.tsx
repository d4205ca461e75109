import { Text, View } from '@tarojs/components'
import type { RequestRates, WeeklyTrend } from '@/types'
import { dayLine, monthAndDay } from '@/types/calendar'

type GridRow = WeeklyTrend['byGrid'][number]
type Bar = { value: string; fraction: number; spoken: string }

const rateSeries: [name: string, rate: (r: RequestRates) => number | null, basis: (r: RequestRates) => string][] = [
  ['响应率', (r) => r.responseRate, (r) => `按时响应 ${r.respondedOnTime} / ${r.responseCounted} 件`],
  ['解决率', (r) => r.resolutionRate, (r) => `评价解决 ${r.resolved} / ${r.rated} 件`],
  ['满意率', (r) => r.satisfactionRate, (r) => `满意和基本满意 ${r.satisfied} / ${r.rated} 件`],
]

/**
 * One row of the small multiples: a bar per week, its number written above it (the chart can be
 * read, not only looked at) and the whole sentence for a screen reader on each column.
 */
function Bars({ bars, tone }: { bars: Bar[]; tone: 'rate' | 'volume' }) {
  return (
    <View className="trend__bars">
      {bars.map((bar, i) => (
        <View key={i} className="trend__col" aria-label={bar.spoken}>
          <Text className="trend__value">{bar.value}</Text>
          <View className="trend__track">
            <View className={`trend__bar trend__bar--${tone}`} style={{ height: `${Math.round(bar.fraction * 100)}%` }} />
          </View>
        </View>
      ))}
    </View>
  )
}

/**
 * The weeks under the bars, by the day their Monday falls on, the month written over the first week
 * and over each week a new month begins: "10/19" does not fit a column at 1.5×, "19" and "10月" do.
 */
function Axis({ weeks }: { weeks: WeeklyTrend['weeks'] }) {
  const days = weeks.map((week) => monthAndDay(week.from))
  return (
    <View className="trend__bars trend__axis" aria-hidden>
      {days.map(({ month, day }, i) => (
        <View key={weeks[i].from} className="trend__col">
          <Text className="trend__month">{i === 0 || days[i - 1].month !== month ? `${month}月` : ''}</Text>
          <Text className="trend__week">{String(day)}</Text>
        </View>
      ))}
    </View>
  )
}

const weekName = (weeks: WeeklyTrend['weeks'], i: number) => (i === weeks.length - 1 ? '本周' : `${dayLine(weeks[i].from)}那周`)

/**
 * The weekly trend of the three rates for the whole scope, then each grid's new items per week, on
 * one scale so the grids can be compared. Plain Views with heights: the same drawing in the
 * mini-program and in the browser, no canvas.
 */
export function WeeklyTrendChart({ trend, scopeName, gridName }: { trend: WeeklyTrend; scopeName: string; gridName: (row: GridRow) => string }) {
  const { weeks } = trend
  const most = Math.max(1, ...trend.byGrid.flatMap((row) => row.filed))
  return (
    <View className="card trend">
      <Text className="card__title">{`${scopeName}近 ${weeks.length} 周走势`}</Text>
      <Text className="trend__note">{`从 ${dayLine(weeks[0].from)}（周一）起，每周一到周日算一周，最后一周是本周到今天。柱下是每周周一的日期，柱上的数是百分比，“—”是那周没有可算的诉求。`}</Text>
      {rateSeries.map(([name, rate, basis]) => (
        <View key={name} className="trend__series">
          <Text className="trend__name">{`${name}（%）`}</Text>
          <Bars
            tone="rate"
            bars={trend.rates.map((r, i) => {
              const value = rate(r)
              const percent = value === null ? null : Math.round(value * 100)
              return {
                value: percent === null ? '—' : String(percent),
                fraction: value ?? 0,
                spoken: `${weekName(weeks, i)}，${name}${percent === null ? '暂无' : `${percent}%`}，${basis(r)}`,
              }
            })}
          />
        </View>
      ))}
      <Axis weeks={weeks} />
      <Text className="trend__group">每周新收诉求（件）</Text>
      {trend.byGrid.map((row) => {
        const name = gridName(row)
        return (
          <View key={`${row.communityId}:${row.gridId ?? 'queue'}`} className="trend__series trend__series--volume">
            <Text className="trend__name">{name}</Text>
            <Bars tone="volume" bars={row.filed.map((n, i) => ({ value: String(n), fraction: n / most, spoken: `${weekName(weeks, i)}，${name}新收 ${n} 件` }))} />
          </View>
        )
      })}
      {trend.byGrid.length > 0 && <Axis weeks={weeks} />}
    </View>
  )
}
