import { Text, View } from '@tarojs/components'
import { Failed, Loading } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { ActionInput, Period } from '@/types'
import { OverdueList } from './overdue-list'
import { RatesCard } from './rates-card'

export type Scope = ActionInput<'requests', 'dashboard'>['scope']

/** One scope the caller answers for: its communities, its grids, and what is late there. */
export function DashboardSection({ scope, period }: { scope: Scope; period: Period }) {
  const board = useResult(() => call('requests', 'dashboard', { scope, period }), `${JSON.stringify(scope)}:${period.from}`)
  if (board.state === 'loading') return <Loading />
  if (board.state === 'failed') return <Failed code={board.code} onRetry={board.reload} />
  const { byCommunity, byGrid, overdue, overdueTotal } = board.data
  // The server lists the most overdue first and at most a page of them; the total is always told.
  const listed = overdueTotal > overdue.length ? `，下面是最急的 ${overdue.length} 件` : ''
  return (
    <View className="section">
      {byCommunity.map((row) => (
        <RatesCard key={row.communityId} title={row.communityName} rates={row.rates} />
      ))}
      {byGrid.map((row) => (
        <RatesCard key={`${row.communityId}:${row.gridId ?? 'queue'}`} title={row.gridName ?? '社区统一受理'} rates={row.rates} />
      ))}
      <Text className="section__title">{`超时清单（共 ${overdueTotal} 件${listed}）`}</Text>
      <OverdueList items={overdue} />
    </View>
  )
}
