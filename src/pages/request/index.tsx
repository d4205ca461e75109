import { RequestPage } from '@/features/requests/request-page'
import { ResidentActions } from '@/features/requests/resident-actions'

/** A resident's own request: where it stands, its whole story, and what they may do now. */
export default function ResidentRequestPage() {
  return <RequestPage actions={({ request, replace, reload }) => <ResidentActions request={request} onChange={replace} onFollowed={reload} />} />
}
