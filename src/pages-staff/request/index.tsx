import { RequestPage } from '@/features/requests/request-page'
import { PhotoReviewNotice } from '../components/photo-review-notice'
import { StaffActions } from '../components/staff-actions'

/** A request as its handler works it: the actions the server allows now on top, the story below. */
export default function StaffRequestPage() {
  return (
    <RequestPage
      actions={({ request, replace }) => (
        <>
          <PhotoReviewNotice request={request} onChange={replace} />
          <StaffActions request={request} onChange={replace} />
        </>
      )}
    />
  )
}
