import { View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading, Notice } from '@/components/status-views'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { WhoAmI } from '@/types'
import { lastShanghaiDays } from '@/types/calendar'
import { DashboardSection, type Scope } from '../components/dashboard-section'
import { WishSignalsSection } from '../components/wish-signals'
import '../../styles/wishes-staff.scss'
import '../../styles/dashboard.scss'

const periods = [
  { days: 7, title: '近 7 天' },
  { days: 30, title: '近 30 天' },
  { days: 365, title: '近一年' },
]

/** The widest scopes a person answers for: a street admin sees the street, not each grid again. */
function scopesOf(me: WhoAmI): Scope[] {
  const { streetIds, communityIds, gridIds } = me.scopes
  if (streetIds.length) return streetIds.map((streetId) => ({ streetId }))
  if (communityIds.length) return communityIds.map((communityId) => ({ communityId }))
  return gridIds.map((gridId) => ({ gridId }))
}

/** 响应率, 解决率, 满意率, the overdue list and 微心愿's signals for the grids, communities or street the caller serves. */
export default function DashboardPage() {
  const me = useResult(() => call('directory', 'whoami', {}), 'me')
  const [days, setDays] = useState(30)
  // Whole Shanghai days ending with today, from the time the page opened, so the period (and the
  // sections' reload key) stays put between renders.
  const [now] = useState(() => Date.now())
  const period = lastShanghaiDays(days, now)

  if (me.state === 'loading') return <PageShell><Loading /></PageShell>
  if (me.state === 'failed') return <PageShell><Failed code={me.code} onRetry={me.reload} /></PageShell>
  const scopes = scopesOf(me.data)
  return (
    <PageShell>
      <View className="switch">
        {periods.map((p) => (
          <ActionButton key={p.days} small tone={p.days === days ? 'primary' : 'plain'} onClick={() => setDays(p.days)}>
            {p.title}
          </ActionButton>
        ))}
      </View>
      {scopes.length === 0 && <Notice tone="info" title="没有可以查看的网格">看板只给网格员、居委会和街道的工作人员看。</Notice>}
      {scopes.map((scope) => (
        <DashboardSection key={JSON.stringify(scope)} scope={scope} period={period}>
          <WishSignalsSection scope={scope} period={period} />
        </DashboardSection>
      ))}
    </PageShell>
  )
}
