import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { Empty, Failed, Loading, Notice } from '@/components/status-views'
import { Tabs } from '@/components/tabs'
import { AssistedCard } from '@/features/council/staff-assisted-card'
import { AssistedEntry } from '@/features/council/staff-assisted-entry'
import { usePullToReload } from '@/hooks/use-pull-to-reload'
import { useResult, type Loaded } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { AssistedBallotView } from '@/types'
import '../../styles/council-staff.scss'

type Tab = 'enter' | 'pending' | 'all'

/**
 * 代录投票与确认: enter a ballot for a resident who asked in person or by phone, and confirm (or
 * refuse) what a colleague entered. The pending queue comes first: it is what waits on this person.
 */
export default function AssistedBallotsPage() {
  const [tab, setTab] = useState<Tab>('pending')
  const [entered, setEntered] = useState<AssistedBallotView | null>(null)
  const pending = useResult(() => call('council', 'listAssistedBallots', { status: 'pending' }), 'pending')
  const all = useResult(() => call('council', 'listAssistedBallots', { status: 'all' }), tab === 'all' ? 'all' : null)
  usePullToReload(() => {
    pending.reload()
    if (tab === 'all') all.reload()
  })

  if (pending.state === 'failed' && pending.code === 'FORBIDDEN') {
    return (
      <PageShell>
        <Notice tone="info" title="这里是工作人员的页面">代录投票由社区工作人员来做。居民请在议题页上自己投票。</Notice>
      </PageShell>
    )
  }
  const waiting = pending.state === 'ready' ? pending.data.filter((ballot) => !ballot.mine).length : 0
  const tabs: { id: Tab; title: string }[] = [
    { id: 'pending', title: waiting > 0 ? `等确认（${waiting}）` : '等确认' },
    { id: 'enter', title: '代录一张' },
    { id: 'all', title: '全部记录' },
  ]
  const onEntered = (ballot: AssistedBallotView) => {
    setEntered(ballot)
    setTab('pending')
    pending.reload()
    void Taro.showToast({ title: '已录入', icon: 'none' })
  }
  return (
    <PageShell>
      <Tabs tabs={tabs} value={tab} onChange={setTab} />
      {tab === 'enter' && <AssistedEntry onEntered={onEntered} />}
      {tab === 'pending' && (
        <>
          {entered && (
            <Notice tone="ok" title={`已录入：${entered.residentName}的选票`}>
              <Text>等另一位工作人员确认后才计入，居民会收到回执通知。</Text>
            </Notice>
          )}
          <Text className="section__note">同事录入的选票，请核对后确认或不计入；自己录入的要等别人确认。</Text>
          <Ballots loaded={pending} empty="没有等待确认的代录选票。" />
        </>
      )}
      {tab === 'all' && <Ballots loaded={all} empty="还没有代录的选票。" />}
    </PageShell>
  )
}

type Listed = Loaded<AssistedBallotView[]> & { reload: () => void }

/** A list whose decided cards show the answer in place (a confirm may come back as a conflict) until reloaded. */
function Ballots({ loaded, empty }: { loaded: Listed; empty: string }) {
  const [decided, setDecided] = useState<Record<string, AssistedBallotView>>({})
  if (loaded.state === 'loading') return <Loading />
  if (loaded.state === 'failed') return <Failed code={loaded.code} onRetry={loaded.reload} />
  if (loaded.data.length === 0) return <Empty>{empty}</Empty>
  const onDecided = (ballot: AssistedBallotView) => {
    setDecided((all) => ({ ...all, [ballot._id]: ballot }))
    void Taro.showToast({ title: ballot.status === 'counted' ? '已计入' : ballot.status === 'conflict' ? '这一户已投过，没有重复计入' : '已退回', icon: 'none' })
  }
  return (
    <View className="list">
      {loaded.data.map((ballot) => (
        <AssistedCard key={ballot._id} ballot={decided[ballot._id] ?? ballot} onDecided={onDecided} />
      ))}
    </View>
  )
}
