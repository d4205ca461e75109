import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { Empty, Failed, Loading } from '@/components/status-views'
import { Tabs } from '@/components/tabs'
import { StaffCommunitiesPage, type Community } from '@/features/council/staff-communities'
import { monthPeriod, months, type Month } from '@/features/council/staff-month'
import { MonthlyClusterCard } from '@/features/council/staff-monthly-cluster'
import { usePullToReload } from '@/hooks/use-pull-to-reload'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import '../../styles/council-staff.scss'

/** 每月一题: the month's requests of a community grouped by kind × place, the recurring ones first. */
export default function MonthlyQuestionPage() {
  return (
    <StaffCommunitiesPage forWhom="每月一题由社区居委会从本月居民反映的问题里选。">
      {(communities) => <Monthly communities={communities} />}
    </StaffCommunitiesPage>
  )
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
        <Tabs label="社区" tabs={communities.map((c) => ({ id: c.id, title: c.name }))} value={communityId} onChange={setCommunityId} />
      )}
      <Tabs className="switch" label="月份" tabs={months} value={month} onChange={setMonth} />
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
