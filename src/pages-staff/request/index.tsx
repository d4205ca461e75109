import { RequestPage } from '@/features/requests/request-page'
import { LinkedTopics, RatingShown, RequestContent, ResultNotice, StatusCard, StatusNotices } from '@/features/requests/request-view'
import { Timeline } from '@/features/requests/timeline'
import { PhotoReviewNotice } from '../components/photo-review-notice'
import { StaffActions } from '../components/staff-actions'

/**
 * A request as its handler works it: where it stands, what was asked and how to ring the resident,
 * then what they may do now, the result and rating so far, and the story.
 */
export default function StaffRequestPage() {
  return (
    <RequestPage>
      {({ request, replace }) => (
        <>
          <StatusCard request={request} />
          <StatusNotices request={request} />
          <RequestContent request={request} callResident />
          <PhotoReviewNotice request={request} onChange={replace} />
          <StaffActions request={request} onChange={replace} />
          <ResultNotice request={request} />
          <RatingShown request={request} />
          <LinkedTopics topics={request.linkedTopics} />
          <Timeline entries={request.timeline} />
        </>
      )}
    </RequestPage>
  )
}
