import Taro, { useDidShow } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { useRef, useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/paged-list'
import { Notice } from '@/components/status-views'
import { WishCard } from '@/features/wishes/wish-card'
import { usePaged, type Paged } from '@/hooks/use-paged'
import { call } from '@/services/call'
import { QueueTabs, queues, type Queue } from './queue-tabs'
import { WishLimits } from './wish-limits'
import '../../styles/wishes-staff.scss'
import { usePullToReload } from '@/hooks/use-pull-to-reload'
import { wishUrl } from '@/features/wishes/open-wish'

/** How many the list holds so far; "+" while the server has more pages of it. */
const countLine = (paged: Paged<unknown>) => (paged.state === 'ready' ? `共 ${paged.items.length}${paged.nextCursor ? '+' : ''} 个` : null)

/**
 * 核实 and follow-up for the committee (its community) and grid workers (their grids). The server
 * decides whose queue this is; each card opens the one wish page, whose actions the server allows.
 */
export default function WishReviewPage() {
  const [queue, setQueue] = useState<Queue>('review')
  const queueRef = useRef(queue)
  const list = usePaged((cursor) => call('wishes', 'listForReview', { queue: queueRef.current, limit: 20, ...(cursor ? { cursor } : {}) }), null)
  // Back from a wish just published or confirmed: it must leave the queue.
  useDidShow(() => list.reload())
  usePullToReload(list.reload)
  const choose = (next: Queue) => {
    queueRef.current = next
    setQueue(next)
    list.reload()
  }

  if (list.paged.state === 'failed' && list.paged.code === 'FORBIDDEN') {
    return (
      <PageShell>
        <Notice tone="info" title="这里是工作人员的页面">心愿核实由居委会和网格员来做。如果您是工作人员，请联系社区开通权限。</Notice>
      </PageShell>
    )
  }
  const count = countLine(list.paged)
  return (
    <PageShell>
      <QueueTabs value={queue} onChange={choose} />
      {count && <Text className="wish-queue__count">{count}</Text>}
      <PagedList
        paged={list.paged}
        reload={list.reload}
        loadMore={list.loadMore}
        empty={queues.find((q) => q.queue === queue)?.empty ?? ''}
        idOf={(wish) => wish._id}
        render={(wish) => <WishCard wish={wish} onOpen={() => void Taro.navigateTo({ url: wishUrl(wish._id) })} />}
      />
      <WishLimits />
    </PageShell>
  )
}
