import { BindingRequest, PartyRegistration, success } from '../../types'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory } from '../shared/runtime/directory-cache'
import { findMany } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { preloadable } from '../shared/runtime/invocation'
import { bindingView } from './binding.use-cases'
import { findHouseholdView } from './household-view'
import { registrationView } from './party.use-cases'

const latestBinding = (userId: string) =>
  findMany(Collections.bindingRequests, { userId }, BindingRequest, { orderBy: ['createdAt', 'desc'], limit: 1 }).then(([latest]) => latest ?? null)
const latestRegistration = (userId: string) =>
  findMany(Collections.partyRegistrations, { userId }, PartyRegistration, { orderBy: ['createdAt', 'desc'], limit: 1 }).then(([latest]) => latest ?? null)

const latestBindingOf = preloadable(`${Collections.bindingRequests}/latest`, latestBinding)
const latestRegistrationOf = preloadable(`${Collections.partyRegistrations}/latest`, latestRegistration)

/** The caller's latest binding request and party registration are keyed by their openid alone: read beside their user record. */
export function preloadWhoami(_input: unknown, { openid }: { openid: string }): void {
  latestBindingOf.start(openid)
  latestRegistrationOf.start(openid)
}

export const whoami: ActionHandler<'directory', 'whoami'> = async (_input, { actor, now }) => {
  const directory = await loadDirectory(now)
  const { user } = actor
  // The household is usually in this instance's keeping (directory-cache householdOf); read beside the rest when not.
  const [binding, registration, household] = await Promise.all([
    latestBindingOf.read(actor.userId),
    latestRegistrationOf.read(actor.userId),
    user?.householdId ? findHouseholdView(directory, user.householdId, now) : null,
  ])
  const party = user?.party?.status === 'verified' ? user.party : null
  return success({
    userId: actor.userId,
    name: user?.name ?? null,
    roles: actor.roles,
    household,
    party: party ? { branchId: party.branchId, branchName: directory.branches.get(party.branchId)?.name ?? '', status: party.status } : null,
    pendingBinding: binding?.status === 'pending' ? await bindingView(directory, binding, actor.userId) : null,
    lastRefusedBinding: binding?.status === 'refused' ? await bindingView(directory, binding, actor.userId) : null,
    pendingRegistration:
      registration && registration.status !== 'approved' && !party
        ? registrationView(directory, registration, user?.name ?? '')
        : null,
    scopes: { gridIds: actor.gridIds, communityIds: actor.communityIds, streetIds: actor.streetIds, branchIds: actor.branchIds },
  })
}
