import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { Failed, Loading } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { ActionInput, ActionOutput, Period } from '@/types'
import { OverdueList } from './overdue-list'
import { RatesCard } from './rates-card'
import { WeeklyTrendChart } from './weekly-trend'

export type Scope = ActionInput<'requests', 'dashboard'>['scope']

type Board = ActionOutput<'requests', 'dashboard'>
type GridKey = { communityId: string; gridId: string | null; gridName: string | null }

/**
 * One scope the caller answers for, under its own name: the weekly chart first (people would rather
 * look than read), then its total (a street's), every community and grid in it, what goes beside
 * the rates (the children: 微心愿's signals), and what is late there — last, as it can run to a
 * hundred items. The children load on their own and stay mounted while the rates reload, so they
 * ask once a period.
 */
export function DashboardSection({ scope, period, children }: PropsWithChildren<{ scope: Scope; period: Period }>) {
  const board = useResult(() => call('requests', 'dashboard', { scope, period }), `${JSON.stringify(scope)}:${period.from}`)
  const ready = board.state === 'ready' ? board.data : null
  return (
    <View className="section dashboard">
      {ready && <Text className="dashboard__scope">{ready.scopeName}</Text>}
      {board.state === 'loading' && <Loading />}
      {board.state === 'failed' && <Failed code={board.code} onRetry={board.reload} />}
      {ready && <WeeklyTrendChart trend={ready.trend} scopeName={ready.scopeName} gridName={gridNamer(ready)} />}
      {ready && <Rates board={ready} street={'streetId' in scope} />}
      {children}
      {ready && <Overdue board={ready} />}
    </View>
  )
}

/** A grid by its name; a community's own queue (items outside every grid) by its community's. */
function gridNamer(board: Board) {
  const communities = new Map(board.byCommunity.map((c) => [c.communityId, c.communityName]))
  return (row: GridKey) => row.gridName ?? `${communities.get(row.communityId) ?? ''}统一受理`
}

function Rates({ board, street }: { board: Board; street: boolean }) {
  const gridName = gridNamer(board)
  return (
    <>
      {street && <RatesCard title={`${board.scopeName}合计`} rates={board.total} />}
      {board.byCommunity.length > 0 && street && <Text className="dashboard__group">各社区</Text>}
      {board.byCommunity.map((row) => (
        <RatesCard key={row.communityId} title={row.communityName} rates={row.rates} />
      ))}
      {board.byGrid.length > 1 && <Text className="dashboard__group">各网格</Text>}
      {board.byGrid.map((row) => (
        <RatesCard key={`${row.communityId}:${row.gridId ?? 'queue'}`} title={gridName(row)} rates={row.rates} />
      ))}
    </>
  )
}

function Overdue({ board: { scopeName, overdue, overdueTotal } }: { board: Board }) {
  // The server lists the most overdue first and at most a page of them; the total is always told.
  const listed = overdueTotal > overdue.length ? `，下面是最急的 ${overdue.length} 件` : ''
  return (
    <>
      <Text className="section__title">{`${scopeName}超时清单（共 ${overdueTotal} 件${listed}）`}</Text>
      <OverdueList items={overdue} />
    </>
  )
}
