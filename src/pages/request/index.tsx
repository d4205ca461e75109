import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading } from '@/components/status-views'
import { RequestView } from '@/features/requests/request-view'
import { ResidentActions } from '@/features/requests/resident-actions'
import { useRequestDetail } from '@/hooks/use-request-detail'

/** A resident's own request: where it stands, its whole story, and what they may do now. */
export default function RequestPage() {
  const { id = '' } = useRouter().params
  const { loaded, request, replace, reload } = useRequestDetail(id)
  usePullDownRefresh(() => {
    reload()
    void Taro.stopPullDownRefresh()
  })

  return (
    <PageShell>
      {!request && loaded.state === 'loading' && <Loading />}
      {!request && loaded.state === 'failed' && <Failed code={loaded.code} onRetry={reload} />}
      {request && (
        <>
          <ResidentActions request={request} onChange={replace} onFollowed={reload} />
          <RequestView request={request} />
        </>
      )}
    </PageShell>
  )
}
