import { useRouter } from '@tarojs/taro'
import type { ReactNode } from 'react'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading } from '@/components/status-views'
import { useRequestDetail } from '@/hooks/use-request-detail'
import { useSubscriptions } from '@/services/subscribe'
import type { RequestDetail } from '@/types'
import { usePullToReload } from '@/hooks/use-pull-to-reload'

export type Detail = { request: RequestDetail; replace: (request: RequestDetail) => void; reload: () => void }

/**
 * One request's page, for a resident or a handler alike: loading, failing, and a link without an id
 * said at once. What the loaded request shows, and in which order, is each page's (request-view pieces).
 */
export function RequestPage({ children }: { children: (detail: Detail) => ReactNode }) {
  const { id = '' } = useRouter().params
  const { loaded, request, replace, reload } = useRequestDetail(id)
  // The templates the actions' taps ask for (services/subscribe), known before the tap.
  useSubscriptions()
  usePullToReload(reload)
  return (
    <PageShell>
      {!id && <Failed code="NOT_FOUND" />}
      {id && !request && loaded.state === 'loading' && <Loading />}
      {id && !request && loaded.state === 'failed' && <Failed code={loaded.code} onRetry={reload} />}
      {request && children({ request, replace, reload })}
    </PageShell>
  )
}
