/**
 * Every collection the functions use, and its indexes: declared once here, applied to the local
 * CloudBase at start (local/db) and printed for a CloudBase environment by `npm run db:indexes`.
 * No `db.collection('…')` with a literal anywhere else.
 */
export const Collections = {
  streets: 'streets',
  communities: 'communities',
  grids: 'grids',
  buildings: 'buildings',
  households: 'households',
  branches: 'branches',
  users: 'users',
  bindingRequests: 'binding_requests',
  partyRegistrations: 'party_registrations',
  auditLog: 'audit_log',
} as const

export type CollectionKey = keyof typeof Collections
export type CollectionName = (typeof Collections)[CollectionKey]

export type IndexSpec = {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

export const collectionIndexes: Record<CollectionName, IndexSpec[]> = {
  streets: [],
  communities: [{ name: 'by_street', keys: { streetId: 1 } }],
  grids: [{ name: 'by_community', keys: { communityId: 1 } }],
  buildings: [
    { name: 'by_grid', keys: { gridId: 1 } },
    { name: 'by_community', keys: { communityId: 1, name: 1 } },
  ],
  households: [{ name: 'by_building_room', keys: { buildingId: 1, room: 1 }, unique: true }],
  branches: [{ name: 'by_parent', keys: { parentId: 1 } }],
  users: [{ name: 'by_household', keys: { householdId: 1 } }],
  // `openSlot` is 'open' while pending and the request's own _id once decided, so a user holds at most
  // one pending request without a read-then-write race.
  binding_requests: [
    { name: 'one_open_per_user', keys: { userId: 1, openSlot: 1 }, unique: true },
    { name: 'by_community_status', keys: { communityId: 1, status: 1, createdAt: -1 } },
  ],
  party_registrations: [
    { name: 'one_open_per_user', keys: { userId: 1, openSlot: 1 }, unique: true },
    { name: 'by_branch_status', keys: { branchId: 1, status: 1, createdAt: -1 } },
  ],
  audit_log: [{ name: 'by_actor_time', keys: { actorId: 1, at: -1 } }],
}
