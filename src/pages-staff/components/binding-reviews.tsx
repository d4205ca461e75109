import type { Loaded } from '@/hooks/use-result'
import { call } from '@/services/call'
import { householdLine } from '@/services/labels'
import type { BindingRequestView } from '@/types'
import { dayLine } from '@/types/calendar'
import { ContactReveal } from './contact-reveal'
import { ReviewCard } from './review-card'
import { ReviewList } from './review-list'

/** The committee's queue of residents asking to be recognised as living in a household. */
export function BindingReviews({ loaded, reload }: { loaded: Loaded<BindingRequestView[]>; reload: () => void }) {
  return (
    <ReviewList
      heading="住户绑定申请"
      loaded={loaded}
      reload={reload}
      idOf={(request) => request.requestId}
      empty="没有等待确认的绑定申请。"
      render={(request, decided) => (
        <ReviewCard
          title={request.applicantName}
          lines={[householdLine(request.household), `${request.household.gridName}`, request.applicantPhone ? `电话 ${request.applicantPhone}` : '没有留电话', `申请于 ${dayLine(request.createdAt)}`]}
          extra={<ContactReveal requestId={request.requestId} />}
          approveWord="已同意绑定"
          approve={() => call('directory', 'decideBinding', { requestId: request.requestId, decision: 'approve' })}
          refuse={(reason) => call('directory', 'decideBinding', { requestId: request.requestId, decision: 'refuse', reason })}
          onDecided={decided}
        />
      )}
    />
  )
}
