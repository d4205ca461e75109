import { Message } from '../../types'
import { branchLineage, type Directory } from '../shared/runtime/directory-cache'
import { deliver } from '../shared/runtime/notifications'
import { staffOf } from '../shared/runtime/staff-of'

const WORKBENCH = 'pages-staff/workbench/index'

/** Told once per application: the message `_id` is the application's, so a retry sends nothing twice. */
async function tell(recipients: readonly string[], applicantId: string, template: Omit<Message, '_id' | 'recipientId'> & { subjectId: string }): Promise<void> {
  const { subjectId, ...message } = template
  try {
    await deliver(
      recipients
        .filter((recipientId) => recipientId !== applicantId)
        .map((recipientId) => Message.parse({ _id: `${subjectId}>${recipientId}`, recipientId, ...message })),
    )
  } catch (error) {
    // The application is stored and in the review list; a lost notice must not fail the resident's call.
    console.error('[directory.notify]', subjectId, error)
  }
}

/** A binding waits for the committee of its community (binding.queue; the street sees it in its list). */
export async function tellBindingWaiting(binding: { _id: string; userId: string; communityId: string; createdAt: number }, name: string, directory: Directory, now: number): Promise<void> {
  const community = directory.communities.get(binding.communityId)
  await tell(await staffOf('committee', binding.communityId, now), binding.userId, {
    subjectId: binding._id,
    audience: 'staff',
    page: WORKBENCH,
    action: 'bindingWaiting',
    kind: 'review',
    title: '有居民申请绑定住户，待审核',
    body: `${community?.name ?? ''}：${name} 申请绑定住户`,
    at: now,
  })
}

/** A registration waits for the nearest branch secretary up its branch's lineage (party.queue). */
export async function tellRegistrationWaiting(registration: { _id: string; userId: string; branchId: string }, name: string, directory: Directory, now: number): Promise<void> {
  const secretary = branchLineage(directory, registration.branchId)
    .map((id) => directory.branches.get(id)?.secretaryId)
    .find((id): id is string => typeof id === 'string')
  if (!secretary) return
  await tell([secretary], registration.userId, {
    subjectId: registration._id,
    audience: 'staff',
    page: WORKBENCH,
    action: 'registrationWaiting',
    kind: 'review',
    title: '有党员报到，待核实',
    body: `${name} 报到到${directory.branches.get(registration.branchId)?.name ?? ''}`,
    at: now,
  })
}
