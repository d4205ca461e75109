import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { ActionButton } from '@/components/action-button'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/paged-list'
import { openRequest } from '@/features/requests/open-request'
import { RequestCard } from '@/features/requests/request-card'
import { useNow } from '@/hooks/use-now'
import { usePaged } from '@/hooks/use-paged'
import { callUnchecked } from '@/services/call-unchecked'
import { useSubscriptions } from '@/services/subscribe'
import { usePullToReload } from '@/hooks/use-pull-to-reload'

/** My requests, the ones still being handled first; all of them one tap away. */
export default function MyRequestsPage() {
  const [open, setOpen] = useState(true)
  // Read by the list's run, which may start before React renders the new `open`.
  const openRef = useRef(open)
  const now = useNow()
  useSubscriptions()
  const list = usePaged((cursor) => callUnchecked('requests', 'listMine', { ...(openRef.current ? { open: true } : {}), limit: 20, ...(cursor ? { cursor } : {}) }), null)
  // Coming back from a detail (a rating, a withdrawal) must show the new state.
  useDidShow(() => list.reload())
  usePullToReload(list.reload)
  const show = (next: boolean) => () => {
    if (next === openRef.current) return
    openRef.current = next
    setOpen(next)
    list.reload()
  }

  return (
    <PageShell>
      <View className="switch">
        <ActionButton tone={open ? 'primary' : 'plain'} onClick={show(true)}>
          正在办的
        </ActionButton>
        <ActionButton tone={open ? 'plain' : 'primary'} onClick={show(false)}>
          全部
        </ActionButton>
      </View>
      <PagedList
        {...list}
        empty={open ? '没有正在办的事。' : '您还没有提交过。'}
        idOf={(request) => request._id}
        render={(request) => (
          <RequestCard
            request={request}
            now={now}
            onOpen={() => openRequest(request)}
          />
        )}
      />
    </PageShell>
  )
}
