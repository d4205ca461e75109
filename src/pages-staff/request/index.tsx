import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { Failed, Loading } from '@/components/status-views'
import { RequestView } from '@/features/requests/request-view'
import { useRequestDetail } from '@/hooks/use-request-detail'
import { StaffActions } from '../components/staff-actions'

/** A request as its handler works it: the actions the server allows now on top, the story below. */
export default function StaffRequestPage() {
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
          <StaffActions request={request} onChange={replace} />
          <RequestView request={request} />
        </>
      )}
    </PageShell>
  )
}
