import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading } from '@/components/status-views'
import { useWishDetail } from '@/features/wishes/use-wish-detail'
import { WishView } from '@/features/wishes/wish-view'
import { useSubscriptions } from '@/services/subscribe'
import { usePullToReload } from '@/hooks/use-pull-to-reload'

/**
 * One wish's page for every role — the wisher, a member, the claimer, the reviewers: the server
 * answers each with what they may see and do. A link without an id says so instead of waiting.
 */
export default function WishDetailPage() {
  const { id = '' } = useRouter().params
  const { loaded, wish, replace, reload } = useWishDetail(id)
  // The templates the actions' taps ask for (services/subscribe), known before the tap.
  useSubscriptions()
  usePullToReload(reload)
  return (
    <PageShell>
      {!id && <Failed code="NOT_FOUND" />}
      {id && !wish && loaded.state === 'loading' && <Loading />}
      {id && !wish && loaded.state === 'failed' && <Failed code={loaded.code} onRetry={reload} />}
      {wish && <WishView wish={wish} onChange={replace} />}
    </PageShell>
  )
}
