import { useDidShow } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { useRef, useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/paged-list'
import { Failed, Loading } from '@/components/status-views'
import { MemberTabs, type MemberTab } from '@/features/wishes/member-tabs'
import { NotMemberNotice } from '@/features/wishes/not-member-notice'
import { openWish } from '@/features/wishes/open-wish'
import { ServiceRecordView } from '@/features/wishes/service-record-view'
import { WishCard } from '@/features/wishes/wish-card'
import { usePaged } from '@/hooks/use-paged'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import { useSubscriptions } from '@/services/subscribe'
import { usePullToReload } from '@/hooks/use-pull-to-reload'

const intro: Record<Exclude<MemberTab, 'record'>, string> = {
  forMe: '离您家近的在前面，同样近的，需要日期早的在前面。',
  claims: '请在期限前办好；办好后打开心愿，点“我已完成”。',
}

/** A party member's wishes: those of my branch to claim, those I hold with what is due, and my record. */
export default function MemberWishesPage() {
  const [tab, setTab] = useState<MemberTab>('forMe')
  // Read by the list's run, which may start before React renders the new tab.
  const tabRef = useRef(tab)
  useSubscriptions()
  const list = usePaged((cursor) => {
    const page = { limit: 20, ...(cursor ? { cursor } : {}) }
    return tabRef.current === 'claims' ? call('wishes', 'myClaims', page) : call('wishes', 'listForMe', page)
  }, null)
  const record = useResult(() => call('wishes', 'myRecord', {}), null)
  const load = () => (tabRef.current === 'record' ? record.reload() : list.reload())
  // Back from a wish (a claim, a fulfilment), the tab shows the new state.
  useDidShow(load)
  usePullToReload(load)
  const choose = (next: MemberTab) => {
    if (next === tabRef.current) return
    tabRef.current = next
    setTab(next)
    load()
  }
  const failedCode = tab === 'record' ? (record.state === 'failed' ? record.code : null) : list.paged.state === 'failed' ? list.paged.code : null

  return (
    <PageShell>
      <MemberTabs value={tab} onChange={choose} />
      {failedCode === 'FORBIDDEN' && <NotMemberNotice />}
      {failedCode !== 'FORBIDDEN' && tab !== 'record' && (
        <>
          <Text className="section__note">{intro[tab]}</Text>
          <PagedList
            {...list}
            empty={tab === 'forMe' ? '现在没有等待认领的心愿。' : '您现在没有认领的心愿。'}
            idOf={(wish) => wish._id}
            render={(wish) => <WishCard wish={wish} onOpen={() => openWish(wish)} />}
          />
        </>
      )}
      {failedCode !== 'FORBIDDEN' && tab === 'record' && (
        <>
          {record.state === 'loading' && <Loading />}
          {record.state === 'failed' && <Failed code={record.code} onRetry={record.reload} />}
          {record.state === 'ready' && <ServiceRecordView {...record.data} />}
        </>
      )}
    </PageShell>
  )
}
