import { useRouter } from '@tarojs/taro'
import type { ReactNode } from 'react'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading } from '@/components/status-views'
import { useRequestDetail } from '@/hooks/use-request-detail'
import { useSubscriptions } from '@/services/subscribe'
import type { RequestDetail } from '@/types'
import { RequestView } from './request-view'
import { usePullToReload } from '@/hooks/use-pull-to-reload'

type Detail = { request: RequestDetail; replace: (request: RequestDetail) => void; reload: () => void }

/**
 * One request's page, for a resident or a handler alike: the actions the server allows now on top
 * (what differs between the two), the story below. A link without an id says so instead of waiting.
 */
export function RequestPage({ actions }: { actions: (detail: Detail) => ReactNode }) {
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
      {request && (
        <>
          {actions({ request, replace, reload })}
          <RequestView request={request} />
        </>
      )}
    </PageShell>
  )
}
