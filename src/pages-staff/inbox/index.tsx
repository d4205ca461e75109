import Taro, { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/paged-list'
import { RequestCard } from '@/features/requests/request-card'
import { useNow } from '@/hooks/use-now'
import { usePaged } from '@/hooks/use-paged'
import { call } from '@/services/call'
import { InboxTabs, type InboxTab } from '../components/inbox-tabs'
import { overdueFirst } from '../components/overdue-first'
import { usePullToReload } from '@/hooks/use-pull-to-reload'

/** The handler's work by state; each card opens the request with the actions the server allows. */
export default function InboxPage() {
  const [tab, setTab] = useState<InboxTab>({ state: 'toAccept' })
  const tabRef = useRef(tab)
  const now = useNow()
  const list = usePaged((cursor) => call('requests', 'inbox', { ...tabRef.current, limit: 20, ...(cursor ? { cursor } : {}) }), null)
  useDidShow(() => list.reload())
  usePullToReload(list.reload)
  const choose = (next: InboxTab) => {
    tabRef.current = next
    setTab(next)
    list.reload()
  }

  return (
    <PageShell>
      <InboxTabs value={tab} onChange={choose} />
      <PagedList
        paged={overdueFirst(list.paged)}
        reload={list.reload}
        loadMore={list.loadMore}
        empty="这里没有诉求。"
        idOf={(request) => request._id}
        render={(request) => <RequestCard request={request} now={now} onOpen={() => void Taro.navigateTo({ url: `/pages-staff/request/index?id=${encodeURIComponent(request._id)}` })} />}
      />
    </PageShell>
  )
}
