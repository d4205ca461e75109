import { directoryActions } from '../../types/directory.actions'
import { createFunction } from '../shared/runtime/function-entry'
import { bindingContact, decideBinding, listBindingRequests, requestBinding } from './binding.use-cases'
import { listColleagues } from './colleagues.use-case'
import { communityMap } from './community-map.use-case'
import { homeContacts } from './home-contacts.use-case'
import { householdResidents, listBuildings, listCommunities, listGrids, listHouseholds, nearbyBuildings } from './listings.use-cases'
import { listBranches, listPartyRegistrations, registerParty, verifyParty } from './party.use-cases'
import { route } from './route.use-case'
import { grantSubscriptions, mySubscriptions } from './subscriptions.use-cases'
import { preloadWhoami, whoami } from './whoami.use-case'

const refusalReason = (input: { decision: string; reason?: string }) => [
  { text: input.decision === 'refuse' ? input.reason : undefined, field: 'reason', label: '不通过的理由', scene: 'comment' as const },
]

/** The directory: who the caller is, where things are, household binding and party registration. */
export const main = createFunction('directory', directoryActions, {
  whoami,
  homeContacts,
  mySubscriptions,
  grantSubscriptions,
  route,
  listCommunities,
  listBuildings,
  listHouseholds,
  listGrids,
  householdResidents,
  nearbyBuildings,
  communityMap,
  requestBinding,
  listBindingRequests,
  bindingContact,
  decideBinding,
  listColleagues,
  listBranches,
  registerParty,
  listPartyRegistrations,
  verifyParty,
}, {
  screened: {
    requestBinding: (input) => [{ text: input.name, field: 'name', label: '姓名', scene: 'profile' }],
    decideBinding: refusalReason,
    registerParty: (input) => [
      { text: input.name, field: 'name', label: '姓名', scene: 'profile' },
      { text: input.workplace, field: 'workplace', label: '工作单位', scene: 'profile' },
    ],
    verifyParty: refusalReason,
  },
  preloads: { whoami: preloadWhoami },
})
