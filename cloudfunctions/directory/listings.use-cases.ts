import { failure, Household, success, User } from '../../types'
import { appendAudit } from '../shared/runtime/audit-log'
import { naturalCompare } from '../../types/natural-order'
import { distanceM } from '../shared/core/geo/point-in-polygon'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory } from '../shared/runtime/directory-cache'
import { findById, findMany } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'

/** Locating on the map offers the buildings a resident could plausibly be standing in or beside. */
const NEARBY_LIMIT = 8
const NEARBY_RADIUS_M = 500

// Every list in natural order (types/natural-order): 2号楼 before 10号楼, 一网格 before 二网格.
const byName = (a: { name: string }, b: { name: string }) => naturalCompare(a.name, b.name)

export const listCommunities: ActionHandler<'directory', 'listCommunities'> = async (_input, { now }) => {
  const directory = await loadDirectory(now)
  const communities = [...directory.communities.values()].map((c) => ({ id: c._id, name: c.name, type: c.type }))
  return success(communities.sort(byName))
}

export const listBuildings: ActionHandler<'directory', 'listBuildings'> = async (input, { now }) => {
  const directory = await loadDirectory(now)
  if (!directory.communities.has(input.communityId)) return failure('NOT_FOUND', '没有找到这个社区')
  const buildings = [...directory.buildings.values()]
    .filter((building) => building.communityId === input.communityId)
    .map((building) => ({ id: building._id, name: building.name, estate: building.estate, gridId: building.gridId }))
  return success(buildings.sort((a, b) => naturalCompare(a.estate, b.estate) || byName(a, b)))
}

export const listHouseholds: ActionHandler<'directory', 'listHouseholds'> = async (input, { now }) => {
  const directory = await loadDirectory(now)
  if (!directory.buildings.has(input.buildingId)) return failure('NOT_FOUND', '没有找到这栋楼')
  const households = await findMany(Collections.households, { buildingId: input.buildingId }, Household)
  return success(households.map((household) => ({ id: household._id, room: household.room })).sort((a, b) => naturalCompare(a.room, b.room)))
}

export const nearbyBuildings: ActionHandler<'directory', 'nearbyBuildings'> = async (input, { now }) => {
  const directory = await loadDirectory(now)
  const nearby = [...directory.buildings.values()]
    .map((building) => ({ building, distanceM: Math.round(distanceM(input.point, building.location)) }))
    .filter((candidate) => candidate.distanceM <= NEARBY_RADIUS_M)
    .sort((a, b) => a.distanceM - b.distanceM)
    .slice(0, NEARBY_LIMIT)
  return success(
    nearby.map(({ building, distanceM }) => ({
      id: building._id,
      name: building.name,
      estate: building.estate,
      communityId: building.communityId,
      communityName: directory.communities.get(building.communityId)?.name ?? '',
      distanceM,
    })),
  )
}

export const listGrids: ActionHandler<'directory', 'listGrids'> = async (input, { now }) => {
  const directory = await loadDirectory(now)
  if (!directory.communities.has(input.communityId)) return failure('NOT_FOUND', '没有找到这个社区')
  const grids = [...directory.grids.values()].filter((grid) => grid.communityId === input.communityId).map((grid) => ({ id: grid._id, name: grid.name }))
  return success(grids.sort(byName))
}

/**
 * The residents bound to a household, for the staff who serve it (its community's committee, its
 * grid's worker): whom to enter a paper or phone vote for. Names in full, as staff need them to
 * check who is asking; each look audit-logged (docs/DOMAIN.md: every staff read of personal data is).
 */
export const householdResidents: ActionHandler<'directory', 'householdResidents'> = async (input, { actor, now }) => {
  const directory = await loadDirectory(now)
  const household = await findById(Collections.households, input.householdId, Household)
  const building = household && directory.buildings.get(household.buildingId)
  if (!household || !building) return failure('NOT_FOUND', '没有找到这一户')
  if (!actor.communityIds.includes(building.communityId) && !actor.gridIds.includes(building.gridId)) return failure('FORBIDDEN', '只有本社区的工作人员能查看')
  const residents = await findMany(Collections.users, { householdId: household._id }, User, { limit: 50 })
  await appendAudit({ actorId: actor.userId, at: now, action: 'contact.read', subject: { collection: Collections.households, id: household._id }, fields: ['name', 'tenure'] })
  return success(residents.map((user) => ({ residentId: user._id, name: user.name, tenure: user.tenure ?? 'occupant' })))
}
