import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { Failed, Loading } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { ActionInput, ActionOutput, Period } from '@/types'
import { OverdueList } from './overdue-list'
import { RatesCard } from './rates-card'

export type Scope = ActionInput<'requests', 'dashboard'>['scope']

type Board = ActionOutput<'requests', 'dashboard'>

/**
 * One scope the caller answers for: its communities, its grids, what goes beside their rates (the
 * children: 微心愿's signals), and what is late there — last, as it can run to a hundred items.
 * The children load on their own and stay mounted while the rates reload, so they ask once a period.
 */
export function DashboardSection({ scope, period, children }: PropsWithChildren<{ scope: Scope; period: Period }>) {
  const board = useResult(() => call('requests', 'dashboard', { scope, period }), `${JSON.stringify(scope)}:${period.from}`)
  return (
    <View className="section">
      {board.state === 'loading' && <Loading />}
      {board.state === 'failed' && <Failed code={board.code} onRetry={board.reload} />}
      {board.state === 'ready' && <Rates board={board.data} />}
      {children}
      {board.state === 'ready' && <Overdue board={board.data} />}
    </View>
  )
}

function Rates({ board: { byCommunity, byGrid } }: { board: Board }) {
  return (
    <>
      {byCommunity.map((row) => (
        <RatesCard key={row.communityId} title={row.communityName} rates={row.rates} />
      ))}
      {byGrid.map((row) => (
        <RatesCard key={`${row.communityId}:${row.gridId ?? 'queue'}`} title={row.gridName ?? '社区统一受理'} rates={row.rates} />
      ))}
    </>
  )
}

function Overdue({ board: { overdue, overdueTotal } }: { board: Board }) {
  // The server lists the most overdue first and at most a page of them; the total is always told.
  const listed = overdueTotal > overdue.length ? `，下面是最急的 ${overdue.length} 件` : ''
  return (
    <>
      <Text className="section__title">{`超时清单（共 ${overdueTotal} 件${listed}）`}</Text>
      <OverdueList items={overdue} />
    </>
  )
}
