import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useMemo, useRef, useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { WindowedList } from '@/components/windowed-list'
import { useNow } from '@/hooks/use-now'
import { usePaged } from '@/hooks/use-paged'
import { usePullToReload } from '@/hooks/use-pull-to-reload'
import { useResult } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { InboxCounts } from '@/types'
import { InboxTabs, type InboxTab } from '../components/inbox-tabs'
import { overdueFirst } from '../components/overdue-first'
import { accessOf, StaffGate } from '../components/staff-gate'
import { TriageCard } from '../components/triage-card'

const openRequest = (id: string) => void Taro.navigateTo({ url: `/pages-staff/request/index?id=${encodeURIComponent(id)}` })

/**
 * The handler's work by state, with each tab's count, as many cards a screen as a worker with fifty
 * open items needs; each card opens the request with the actions the server allows. The counts'
 * answer is also the page's gate: whoever handles no requests is told so, not shown an empty list.
 */
export default function InboxPage() {
  const [tab, setTab] = useState<InboxTab>({ state: 'toAccept' })
  const tabRef = useRef(tab)
  const now = useNow()
  const counts = useResult(() => call('requests', 'inboxCounts', {}), null)
  // The most a call answers: a long list reaches its end in fewer round trips.
  const list = usePaged((cursor) => call('requests', 'inbox', { ...tabRef.current, limit: 50, ...(cursor ? { cursor } : {}) }), null)
  const reload = useCallback(() => {
    counts.reload()
    list.reload()
  }, [counts.reload, list.reload])
  useDidShow(reload)
  usePullToReload(reload)
  const choose = (next: InboxTab) => {
    tabRef.current = next
    setTab(next)
    reload()
  }
  const paged = useMemo(() => overdueFirst(list.paged), [list.paged])
  // The numbers stay on the tabs while a reload asks for them again.
  const lastCounts = useRef<InboxCounts | null>(null)
  if (counts.state === 'ready') lastCounts.current = counts.data

  return (
    <PageShell>
      <StaffGate access={accessOf(counts)}>
        <InboxTabs value={tab} onChange={choose} counts={lastCounts.current} />
        <WindowedList
          paged={paged}
          reload={list.reload}
          loadMore={list.loadMore}
          empty="这里没有诉求。"
          idOf={(request) => request._id}
          render={(request) => <TriageCard request={request} now={now} onOpen={openRequest} />}
          rowClassName="triage-row"
          listId="inbox-list"
        />
      </StaffGate>
    </PageShell>
  )
}
