import type { Loaded } from '@/hooks/use-result'
import { call } from '@/services/call'
import type { PartyRegistrationView } from '@/types'
import { dayLine } from '@/types/calendar'
import { ReviewCard } from './review-card'
import { ReviewList } from './review-list'

/** The branch secretary's queue of members reporting to the branch (双报到 shows the workplace). */
export function PartyReviews({ loaded, reload }: { loaded: Loaded<PartyRegistrationView[]>; reload: () => void }) {
  return (
    <ReviewList
      heading="党员报到"
      loaded={loaded}
      reload={reload}
      idOf={(registration) => registration.registrationId}
      empty="没有等待确认的党员报到。"
      render={(registration, decided) => (
        <ReviewCard
          title={registration.memberName}
          lines={[
            `报到到 ${registration.branchName}`,
            registration.workplace ? `在职党员 · ${registration.workplace}` : '社区党员',
            `申请于 ${dayLine(registration.createdAt)}`,
          ]}
          approveWord="已确认报到"
          approve={() => call('directory', 'verifyParty', { registrationId: registration.registrationId, decision: 'approve' })}
          refuse={(reason) => call('directory', 'verifyParty', { registrationId: registration.registrationId, decision: 'refuse', reason })}
          onDecided={decided}
        />
      )}
    />
  )
}
