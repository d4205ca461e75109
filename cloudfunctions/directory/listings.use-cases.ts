import { failure, Household, success } from '../../types'
import { distanceM } from '../shared/core/geo/point-in-polygon'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory } from '../shared/runtime/directory-cache'
import { findMany } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'

/** Locating on the map offers the buildings a resident could plausibly be standing in or beside. */
const NEARBY_LIMIT = 8
const NEARBY_RADIUS_M = 500

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh', { numeric: true })

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
  return success(buildings.sort((a, b) => a.estate.localeCompare(b.estate, 'zh') || byName(a, b)))
}

export const listHouseholds: ActionHandler<'directory', 'listHouseholds'> = async (input, { now }) => {
  const directory = await loadDirectory(now)
  if (!directory.buildings.has(input.buildingId)) return failure('NOT_FOUND', '没有找到这栋楼')
  const households = await findMany(Collections.households, { buildingId: input.buildingId }, Household)
  return success(households.map((household) => ({ id: household._id, room: household.room })).sort((a, b) =>
    a.room.localeCompare(b.room, 'zh', { numeric: true }),
  ))
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
