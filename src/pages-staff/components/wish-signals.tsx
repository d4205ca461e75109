import { Text, View } from '@tarojs/components'
import { Failed, Loading } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { Period } from '@/types'
import type { Scope } from './dashboard-section'
import { WishSignalsCard } from './wish-signals-card'

/**
 * 微心愿 beside the three rates, over the same scope and period: the totals, then every branch and
 * grid of the scope as the server lists them — a unit with nothing yet is shown with its zeros.
 */
export function WishSignalsSection({ scope, period }: { scope: Scope; period: Period }) {
  const signals = useResult(() => call('wishes', 'signals', { scope, period }), `${JSON.stringify(scope)}:${period.from}`)
  // Like a workbench queue: figures the server will not give this person are not theirs to see.
  if (signals.state === 'failed' && signals.code === 'FORBIDDEN') return null
  return (
    <View className="section">
      <Text className="section__title">微心愿</Text>
      {signals.state === 'loading' && <Loading />}
      {signals.state === 'failed' && <Failed code={signals.code} onRetry={signals.reload} />}
      {signals.state === 'ready' && (
        <>
          <WishSignalsCard title="合计" signals={signals.data.totals} />
          {signals.data.byBranch.length > 0 && <Text className="wish-signals__group">按党支部</Text>}
          {signals.data.byBranch.map((row) => (
            <WishSignalsCard key={row.branchId} title={row.branchName} signals={row.signals} />
          ))}
          {signals.data.byGrid.length > 0 && <Text className="wish-signals__group">按网格</Text>}
          {signals.data.byGrid.map((row) => (
            <WishSignalsCard key={row.gridId} title={row.gridName} signals={row.signals} />
          ))}
        </>
      )}
    </View>
  )
}
