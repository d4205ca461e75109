import { failure, success, type GeoPoint } from '../../types'
import { naturalCompare } from '../../types/natural-order'
import { distanceM } from '../shared/core/geo/point-in-polygon'
import { homeBuildingOf, loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import type { ActionHandler } from '../shared/runtime/function-entry'

/** The community a point lies in (the grid index, as routing locates), else the one of its nearest building. */
function communityNear(directory: Directory, point: GeoPoint): string | null {
  const [gridId] = directory.routing.spatial.lookup(point)
  const grid = gridId ? directory.grids.get(gridId) : undefined
  if (grid) return grid.communityId
  let nearest: { communityId: string; m: number } | null = null
  for (const building of directory.buildings.values()) {
    const m = distanceM(point, building.location)
    if (!nearest || m < nearest.m) nearest = { communityId: building.communityId, m }
  }
  return nearest?.communityId ?? null
}

/**
 * Public geometry only: boundaries and buildings anyone may see on a map. Of households, only the
 * caller's own building is named (never a room, never anyone else's home).
 */
export const communityMap: ActionHandler<'directory', 'communityMap'> = async (input, { actor, now }) => {
  const directory = await loadDirectory(now)
  const home = await homeBuildingOf(actor.user?.householdId, directory)
  const served = actor.communityIds[0] ?? (actor.gridIds[0] ? directory.grids.get(actor.gridIds[0])?.communityId : undefined)
  const communities = [...directory.communities.values()].sort((a, b) => naturalCompare(a.name, b.name))
  const communityId = input.communityId ?? (input.near && communityNear(directory, input.near)) ?? home?.communityId ?? served ?? communities[0]?._id
  const community = communityId ? directory.communities.get(communityId) : undefined
  if (!community) return failure('NOT_FOUND', '没有找到这个社区')
  const grids = [...directory.grids.values()].filter((grid) => grid.communityId === community._id).sort((a, b) => naturalCompare(a.name, b.name))
  const buildings = [...directory.buildings.values()]
    .filter((building) => building.communityId === community._id)
    .sort((a, b) => naturalCompare(a.estate, b.estate) || naturalCompare(a.name, b.name))
  return success({
    communityId: community._id,
    communityName: community.name,
    communities: communities.filter((c) => c.streetId === community.streetId).map((c) => ({ id: c._id, name: c.name })),
    grids: grids.map((grid) => ({ id: grid._id, name: grid.name, boundary: grid.boundary })),
    buildings: buildings.map((b) => ({ id: b._id, name: b.name, estate: b.estate, gridId: b.gridId, location: b.location })),
    homeBuildingId: home && home.communityId === community._id ? home._id : null,
  })
}
