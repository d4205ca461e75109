import { BindingRequest, PartyRegistration, success } from '../../types'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory } from '../shared/runtime/directory-cache'
import { findMany } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { bindingView } from './binding.use-cases'
import { findHouseholdView } from './household-view'
import { registrationView } from './party.use-cases'

export const whoami: ActionHandler<'directory', 'whoami'> = async (_input, { actor, now }) => {
  const directory = await loadDirectory(now)
  const { user } = actor
  const [latestBinding] = await findMany(Collections.bindingRequests, { userId: actor.userId }, BindingRequest, {
    orderBy: ['createdAt', 'desc'],
    limit: 1,
  })
  const [latestRegistration] = await findMany(Collections.partyRegistrations, { userId: actor.userId }, PartyRegistration, {
    orderBy: ['createdAt', 'desc'],
    limit: 1,
  })
  const party = user?.party?.status === 'verified' ? user.party : null
  return success({
    userId: actor.userId,
    name: user?.name ?? null,
    roles: actor.roles,
    household: user?.householdId ? await findHouseholdView(directory, user.householdId) : null,
    party: party ? { branchId: party.branchId, branchName: directory.branches.get(party.branchId)?.name ?? '', status: party.status } : null,
    pendingBinding: latestBinding?.status === 'pending' ? await bindingView(directory, latestBinding, actor.userId) : null,
    lastRefusedBinding: latestBinding?.status === 'refused' ? await bindingView(directory, latestBinding, actor.userId) : null,
    pendingRegistration:
      latestRegistration && latestRegistration.status !== 'approved' && !party
        ? registrationView(directory, latestRegistration, user?.name ?? '')
        : null,
    scopes: { gridIds: actor.gridIds, communityIds: actor.communityIds, streetIds: actor.streetIds, branchIds: actor.branchIds },
  })
}
