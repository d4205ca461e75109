import { BindingRequest, failure, success, User, type BindingRequestView, type BuildingOfHousehold, type HouseholdView } from '../../types'
import { can } from '../shared/core/policy'
import { maskPhone } from '../shared/core/mask'
import { appendAudit, appendListRead } from '../shared/runtime/audit-log'
import { Collections } from '../shared/runtime/collections'
import { database } from '../shared/runtime/cloudbase'
import { loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { findById, findMany } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { tellBindingDecided, tellBindingWaiting } from './review-notices'
import { ensureUser } from './user-record'
import { decidePending, openPending } from './pending-decision'
import { findHouseholdView } from './household-view'

export const requestBinding: ActionHandler<'directory', 'requestBinding'> = async (input, { actor, now }) => {
  const directory = await loadDirectory(now)
  const household = await findHouseholdView(directory, input.householdId)
  if (!household) return failure('NOT_FOUND', '没有找到这一户')
  if (actor.user?.householdId === input.householdId) return failure('CONFLICT', '您已经绑定了这一户')
  const opened = await openPending(
    Collections.bindingRequests,
    { userId: actor.userId, householdId: input.householdId, communityId: household.communityId, tenure: input.tenure ?? 'occupant' },
    now,
    '您已有一个待审核的绑定申请',
  )
  if (!opened.ok) return opened
  // Only once the request exists: a refused duplicate must not rewrite the name and phone on file.
  await ensureUser(actor, { name: input.name, phone: input.phone }, now)
  await tellBindingWaiting(opened.data, input.name, directory, now)
  return success(await bindingView(directory, opened.data, actor.userId))
}

export const listBindingRequests: ActionHandler<'directory', 'listBindingRequests'> = async (input, { actor, now }) => {
  if (!can(actor, { action: 'binding.list' })) return failure('FORBIDDEN')
  const directory = await loadDirectory(now)
  const communityIds = [...directory.communities.values()]
    .filter((community) => can(actor, { action: 'binding.queue', communityId: community._id, streetId: community.streetId }))
    .map((community) => community._id)
  const _ = database().command
  const requests = await findMany(
    Collections.bindingRequests,
    { communityId: _.in(communityIds), ...(input.status ? { status: input.status } : {}) },
    BindingRequest,
    { orderBy: ['createdAt', 'desc'], limit: 200 },
  )
  const views = await Promise.all(requests.map((request) => bindingView(directory, request, actor.userId)))
  // Applicants' names in full and their phones masked: a staff read of personal data, logged.
  await appendListRead(actor.userId, now, Collections.bindingRequests, 'listBindingRequests', requests.map((r) => r._id), ['name', 'phone'])
  return success(views)
}

export const decideBinding: ActionHandler<'directory', 'decideBinding'> = async (input, { actor, now }) => {
  const directory = await loadDirectory(now)
  const request = await findById(Collections.bindingRequests, input.requestId, BindingRequest)
  const community = request && directory.communities.get(request.communityId)
  if (!request || !community) return failure('NOT_FOUND')
  if (!can(actor, { action: 'binding.review', communityId: community._id, streetId: community.streetId, applicantId: request.userId })) {
    return failure('FORBIDDEN')
  }
  const outcome = await decidePending(
    Collections.bindingRequests,
    request._id,
    { ...input, reviewerId: actor.userId, now, alreadyDecided: '这个申请已经处理过了' },
    async (transaction) => {
      await transaction.collection(Collections.users).doc(request.userId).update({ householdId: request.householdId, tenure: request.tenure ?? 'occupant', boundAt: now })
    },
  )
  if (!outcome.ok) return outcome
  const updated = BindingRequest.parse({ ...request, ...outcome.data })
  const household = await findHouseholdView(directory, request.householdId)
  if (household) await tellBindingDecided(updated, actor.userId, household, now)
  return success(await bindingView(directory, updated, actor.userId))
}

/** A reviewer's view of the household: no room, and no id, which the room list would turn back into the room. */
const buildingOnly = ({ householdId: _id, room: _room, ...building }: HouseholdView): BuildingOfHousehold => building

export async function bindingView(directory: Directory, request: BindingRequest, viewerId: string): Promise<BindingRequestView> {
  const [household, applicant] = await Promise.all([
    findHouseholdView(directory, request.householdId),
    findById(Collections.users, request.userId, User),
  ])
  if (!household) throw new Error(`binding request ${request._id} names a missing household`)
  const own = viewerId === request.userId
  const phone = applicant?.phone
  return {
    requestId: request._id,
    status: request.status,
    household: own ? household : buildingOnly(household),
    applicantName: applicant?.name ?? '',
    tenure: request.tenure ?? 'occupant',
    ...(phone ? { applicantPhone: own ? phone : maskPhone(phone) } : {}),
    ...(request.reason ? { reason: request.reason } : {}),
    createdAt: request.createdAt,
    ...(request.decidedAt ? { decidedAt: request.decidedAt } : {}),
  }
}

/**
 * The reviewer's deliberate look at the full room and phone, one request at a time, each read logged
 * (docs/DOMAIN.md: lists mask them; every staff read of personal data is logged).
 */
export const bindingContact: ActionHandler<'directory', 'bindingContact'> = async (input, { actor, now }) => {
  const directory = await loadDirectory(now)
  const request = await findById(Collections.bindingRequests, input.requestId, BindingRequest)
  const community = request && directory.communities.get(request.communityId)
  if (!request || !community) return failure('NOT_FOUND')
  if (!can(actor, { action: 'binding.queue', communityId: community._id, streetId: community.streetId })) return failure('FORBIDDEN')
  const [household, applicant] = await Promise.all([
    findHouseholdView(directory, request.householdId),
    findById(Collections.users, request.userId, User),
  ])
  if (!household) return failure('NOT_FOUND')
  const fields = applicant?.phone ? ['room', 'phone'] : ['room']
  await appendAudit({ actorId: actor.userId, at: now, action: 'contact.read', subject: { collection: Collections.bindingRequests, id: request._id }, fields })
  return success({ room: household.room, ...(applicant?.phone ? { phone: applicant.phone } : {}) })
}
