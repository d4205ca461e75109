import type { Loaded } from '@/hooks/use-result'
import { call } from '@/services/call'
import { householdLine } from '@/services/labels'
import type { BindingRequestView, Tenure } from '@/types'
import { dayLine } from '@/types/calendar'
import { ContactReveal } from './contact-reveal'
import { ReviewCard } from './review-card'
import { ReviewList } from './review-list'

/** What the reviewer checks against the 房产证 before approving: owners alone vote where 业主 decide together. */
const tenureWords: Record<Tenure, string> = { owner: '自称业主（请核对房产证）', occupant: '租户或同住家人' }

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
          lines={[householdLine(request.household), `${request.household.gridName}`, tenureWords[request.tenure], request.applicantPhone ? `电话 ${request.applicantPhone}` : '没有留电话', `申请于 ${dayLine(request.createdAt)}`]}
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
