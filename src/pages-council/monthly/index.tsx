import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PageShell } from '@/components/page-shell'
import { Empty, Failed, Loading, Notice } from '@/components/status-views'
import { useStaffCommunities, type Community } from '@/features/council/staff-communities'
import { monthPeriod, type Month } from '@/features/council/staff-month'
import { MonthlyClusterCard } from '@/features/council/staff-monthly-cluster'
import { usePullToReload } from '@/hooks/use-pull-to-reload'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import '../../styles/council-staff.scss'

/** 每月一题: the month's requests of a community grouped by kind × place, the recurring ones first. */
export default function MonthlyQuestionPage() {
  const communities = useStaffCommunities()
  if (communities.state === 'loading') return <PageShell><Loading /></PageShell>
  if (communities.state === 'failed') return <PageShell><Failed code={communities.code} onRetry={communities.reload} /></PageShell>
  if (communities.data.length === 0) {
    return (
      <PageShell>
        <Notice tone="info" title="这里是居委会的页面">每月一题由社区居委会从本月居民反映的问题里选。</Notice>
      </PageShell>
    )
  }
  return <Monthly communities={communities.data} />
}

function Monthly({ communities }: { communities: Community[] }) {
  const [communityId, setCommunityId] = useState(communities[0].id)
  const [month, setMonth] = useState<Month>('this')
  const [now] = useState(() => Date.now())
  const clusters = useResult(() => call('council', 'monthlyClusters', { communityId, period: monthPeriod(month, now) }), `${communityId}:${month}`)
  usePullToReload(clusters.reload)
  return (
    <PageShell>
      {communities.length > 1 && (
        <View className="tabs" role="tablist" aria-label="社区">
          {communities.map((c) => (
            <ActionButton key={c.id} small tone={c.id === communityId ? 'primary' : 'plain'} onClick={() => setCommunityId(c.id)}>
              {c.name}
            </ActionButton>
          ))}
        </View>
      )}
      <View className="switch" role="tablist" aria-label="月份">
        <ActionButton small tone={month === 'this' ? 'primary' : 'plain'} onClick={() => setMonth('this')}>
          本月
        </ActionButton>
        <ActionButton small tone={month === 'last' ? 'primary' : 'plain'} onClick={() => setMonth('last')}>
          上个月
        </ActionButton>
      </View>
      <Text className="section__note">同一类问题在同一个网格或小区反复出现的排在前面。选一个作为本月的题目：要居民表态的发起议题，社区能办的转为主动治理。</Text>
      {clusters.state === 'loading' && <Loading />}
      {clusters.state === 'failed' && <Failed code={clusters.code} onRetry={clusters.reload} />}
      {clusters.state === 'ready' && clusters.data.length === 0 && <Empty>{month === 'this' ? '本月还没有反复出现的问题。' : '上个月没有反复出现的问题。'}</Empty>}
      {clusters.state === 'ready' && (
        <View className="list">
          {clusters.data.map((cluster) => (
            <MonthlyClusterCard key={`${cluster.category}:${cluster.placeKind}:${cluster.placeId}`} cluster={cluster} communityId={communityId} />
          ))}
        </View>
      )}
    </PageShell>
  )
}
