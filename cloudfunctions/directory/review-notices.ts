import { Message, type DecisionStatus, type HouseholdView } from '../../types'
import { excerpt } from '../shared/core/excerpt'
import { registrationDecider } from '../shared/core/policy'
import { secretaryLineage, type Directory } from '../shared/runtime/directory-cache'
import { deliver } from '../shared/runtime/notifications'
import { staffOf } from '../shared/runtime/staff-of'

const WORKBENCH = 'pages-staff/workbench/index'
const BINDING_PAGE = 'pages-resident/bind/index'
const PARTY_PAGE = 'pages-resident/party/index'

/** Told once per application: the message `_id` is the application's, so a retry sends nothing twice. */
async function tell(recipients: readonly string[], actorId: string, template: Omit<Message, '_id' | 'recipientId'> & { subjectId: string }): Promise<void> {
  const { subjectId, ...message } = template
  try {
    await deliver(
      recipients
        .filter((recipientId) => recipientId !== actorId)
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

/** A registration waits for the one secretary who decides it (policy registrationDecider). */
export async function tellRegistrationWaiting(registration: { _id: string; userId: string; branchId: string }, name: string, directory: Directory, now: number): Promise<void> {
  const secretary = registrationDecider(secretaryLineage(directory, registration.branchId), registration.userId)?.secretaryId
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

type Decided = { _id: string; userId: string; status: DecisionStatus; reason?: string }

/**
 * The refusal's reason as the reviewer wrote it for the applicant (content-checked at decideBinding /
 * verifyParty), cut to a list line so the message stays within its 200 characters; the binding and
 * 报到 pages show it whole.
 */
const refusedBecause = (decided: Decided) => (decided.reason ? `：${excerpt(decided.reason)}` : '')

/**
 * The applicant hears the committee's decision on their binding, once: the `_id` is the binding's with
 * `:decided`, and a binding is decided once. 进度 is the template a resident asks for at the binding tap.
 */
export async function tellBindingDecided(binding: Decided, reviewerId: string, household: Pick<HouseholdView, 'estate' | 'buildingName' | 'room'>, now: number): Promise<void> {
  const place = `${household.estate}${household.buildingName}${household.room}室`
  const approved = binding.status === 'approved'
  await tell([binding.userId], reviewerId, {
    subjectId: `${binding._id}:decided`,
    audience: 'resident',
    page: BINDING_PAGE,
    action: 'bindingDecided',
    kind: 'progress',
    title: approved ? '住户绑定已通过' : '住户绑定没有通过',
    body: approved ? `${place}已绑定到您名下` : `${place}的绑定没有通过${refusedBecause(binding)}`,
    at: now,
  })
}

/** The member hears the secretary's decision on their 报到, once, like a binding. */
export async function tellRegistrationDecided(registration: Decided & { branchId: string }, reviewerId: string, directory: Directory, now: number): Promise<void> {
  const branch = directory.branches.get(registration.branchId)?.name ?? '党组织'
  const approved = registration.status === 'approved'
  await tell([registration.userId], reviewerId, {
    subjectId: `${registration._id}:decided`,
    audience: 'resident',
    page: PARTY_PAGE,
    action: 'registrationDecided',
    kind: 'progress',
    title: approved ? '党员报到已核实' : '党员报到没有通过',
    body: approved ? `您已在${branch}报到，可以认领本支部的微心愿` : `${branch}没有核实您的报到${refusedBecause(registration)}`,
    at: now,
  })
}
