import { failure, PartyRegistration, success, User, type PartyRegistrationView } from '../../types'
import { naturalCompare } from '../../types/natural-order'
import { can, registrationDecider } from '../shared/core/policy'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory, secretaryLineage, type Directory } from '../shared/runtime/directory-cache'
import { findById, findMany } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { decidePending, openPending } from './pending-decision'
import { tellRegistrationDecided, tellRegistrationWaiting } from './review-notices'
import { ensureUser } from './user-record'

const levelOrder = ['street', 'community', 'grid', 'building', 'household']

export const listBranches: ActionHandler<'directory', 'listBranches'> = async (input, { now }) => {
  const directory = await loadDirectory(now)
  const inCommunity = (unitId: string) =>
    !input.communityId ||
    unitId === input.communityId ||
    directory.grids.get(unitId)?.communityId === input.communityId ||
    directory.buildings.get(unitId)?.communityId === input.communityId
  const branches = [...directory.branches.values()]
    .filter((branch) => branch.level !== 'household' && (branch.level === 'street' || inCommunity(branch.unitId)))
    .sort((a, b) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) || naturalCompare(a.name, b.name))
  return success(branches.map((branch) => ({ id: branch._id, name: branch.name, level: branch.level, parentId: branch.parentId })))
}

export const registerParty: ActionHandler<'directory', 'registerParty'> = async (input, { actor, now }) => {
  const directory = await loadDirectory(now)
  if (!directory.branches.has(input.branchId)) return failure('NOT_FOUND', '没有找到这个党组织')
  if (actor.user?.party?.status === 'verified') return failure('CONFLICT', '您已经是报到核实的党员')
  const opened = await openPending(
    Collections.partyRegistrations,
    { userId: actor.userId, branchId: input.branchId, ...(input.workplace ? { workplace: input.workplace } : {}) },
    now,
    '您已有一个待核实的党员报到',
  )
  if (!opened.ok) return opened
  await ensureUser(actor, { name: input.name }, now)
  await tellRegistrationWaiting(opened.data, input.name, directory, now)
  return success(registrationView(directory, opened.data, input.name))
}

export const listPartyRegistrations: ActionHandler<'directory', 'listPartyRegistrations'> = async (input, { actor, now }) => {
  if (!can(actor, { action: 'party.list' })) return failure('FORBIDDEN')
  const directory = await loadDirectory(now)
  const _ = database().command
  const decidable = await findMany(
    Collections.partyRegistrations,
    _.and([decidedBy(actor.userId, directory), ...(input.status ? [{ status: input.status }] : [])]),
    PartyRegistration,
    { orderBy: ['createdAt', 'desc'], limit: 200 },
  )
  // The query reads the caller's branches whole; their own registration is not theirs to decide.
  const registrations = decidable.filter((r) => can(actor, { action: 'party.verify', lineage: secretaryLineage(directory, r.branchId), applicantId: r.userId }))
  const names = await Promise.all(registrations.map((registration) => memberName(registration.userId)))
  return success(registrations.map((registration, i) => registrationView(directory, registration, names[i])))
}

export const verifyParty: ActionHandler<'directory', 'verifyParty'> = async (input, { actor, now }) => {
  const directory = await loadDirectory(now)
  const registration = await findById(Collections.partyRegistrations, input.registrationId, PartyRegistration)
  if (!registration) return failure('NOT_FOUND')
  if (!can(actor, { action: 'party.verify', lineage: secretaryLineage(directory, registration.branchId), applicantId: registration.userId })) {
    return failure('FORBIDDEN')
  }
  const outcome = await decidePending(
    Collections.partyRegistrations,
    registration._id,
    { ...input, reviewerId: actor.userId, now, alreadyDecided: '这个报到已经处理过了' },
    async (transaction) => {
      const { branchId, workplace } = registration
      const party = { branchId, status: 'verified', verifiedBy: actor.userId, verifiedAt: now, ...(workplace ? { workplace } : {}) }
      await transaction.collection(Collections.users).doc(registration.userId).update({ party })
    },
  )
  if (!outcome.ok) return outcome
  const updated = PartyRegistration.parse({ ...registration, ...outcome.data })
  await tellRegistrationDecided(updated, actor.userId, directory, now)
  return success(registrationView(directory, updated, await memberName(registration.userId)))
}

/**
 * The registrations the caller decides (policy registrationDecider), as one query: those of each branch whose
 * nearest secretary they are, and, where they are next in line, those of the nearer secretary themselves.
 */
function decidedBy(userId: string, directory: Directory): object {
  const _ = database().command
  const whole: string[] = []
  const ofTheirSecretary: object[] = []
  for (const branchId of directory.branches.keys()) {
    const lineage = secretaryLineage(directory, branchId)
    const nearest = lineage.find((branch) => branch.secretaryId !== null)?.secretaryId ?? null
    if (nearest === userId) whole.push(branchId)
    else if (nearest !== null && registrationDecider(lineage, nearest)?.secretaryId === userId) ofTheirSecretary.push({ branchId, userId: nearest })
  }
  return _.or([{ branchId: _.in(whole) }, ...ofTheirSecretary])
}

async function memberName(userId: string): Promise<string> {
  return (await findById(Collections.users, userId, User))?.name ?? ''
}

export function registrationView(directory: Directory, registration: PartyRegistration, name: string): PartyRegistrationView {
  return {
    registrationId: registration._id,
    status: registration.status,
    branchId: registration.branchId,
    branchName: directory.branches.get(registration.branchId)?.name ?? '',
    memberName: name,
    ...(registration.workplace ? { workplace: registration.workplace } : {}),
    ...(registration.reason ? { reason: registration.reason } : {}),
    createdAt: registration.createdAt,
    ...(registration.decidedAt ? { decidedAt: registration.decidedAt } : {}),
  }
}
