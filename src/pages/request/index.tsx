import { RequestPage } from '@/features/requests/request-page'
import { LinkedTopics, RatingShown, RequestContent, ResultNotice, StatusCard, StatusNotices } from '@/features/requests/request-view'
import { RatingForm } from '@/features/requests/rating-form'
import { ResidentActions } from '@/features/requests/resident-actions'
import { Timeline } from '@/features/requests/timeline'

/**
 * A resident's own request, in the order they look for things (issue 9): where it stands and who
 * has it (with a call to them), the result and right under it the rating it asks for, what they
 * asked, the story, and last the things rarely done (撤回).
 */
export default function ResidentRequestPage() {
  return (
    <RequestPage>
      {({ request, replace, reload }) => (
        <>
          <StatusCard request={request} />
          <StatusNotices request={request} />
          <ResultNotice request={request} />
          {(request.availableActions.includes('rate') || request.availableActions.includes('reopen')) && (
            <RatingForm requestId={request._id} actions={request.availableActions} onDone={replace} />
          )}
          <RatingShown request={request} />
          <RequestContent request={request} />
          <LinkedTopics topics={request.linkedTopics} />
          <Timeline entries={request.timeline} />
          <ResidentActions request={request} onChange={replace} onFollowed={reload} />
        </>
      )}
    </RequestPage>
  )
}
