import { RequestPage } from '@/features/requests/request-page'
import { StaffActions } from '../components/staff-actions'

/** A request as its handler works it: the actions the server allows now on top, the story below. */
export default function StaffRequestPage() {
  return <RequestPage actions={({ request, replace }) => <StaffActions request={request} onChange={replace} />} />
}
