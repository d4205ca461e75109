import { failure, Household, type Category, type Failure, type GeoPoint, type RouteDecision, type RouteTarget } from '../../../types'
import { routeRequest } from '../core/route-request'
import { Collections } from './collections'
import { householdOf, loadDirectory } from './directory-cache'
import { preload, takePreloaded } from './invocation'

export type Located = {
  route: RouteDecision
  streetId: string
  /** The point chosen, or the household's building: what duplicates measure from. */
  location: GeoPoint | null
  /** The household's room, when the place is a household: contact detail, masked in lists. */
  room: string | null
}

const householdKey = (householdId: string) => `${Collections.households}/${householdId}`
/** The household a filed place names, read beside the caller's record (function-entry preloads), for `locate`. */
export function preloadPlaceHousehold(place: RouteTarget): void {
  if ('householdId' in place) preload(householdKey(place.householdId), () => householdOf(place.householdId))
}
/** That read, once; undefined when the place names no household or none was started. */
export const preloadedPlaceHousehold = (place: RouteTarget): Promise<Household | null> | undefined =>
  'householdId' in place ? takePreloaded<Household | null>(householdKey(place.householdId)) : undefined

/**
 * Where an item filed at this place goes (精准派单), as the directory's `route` action and filing share it: the
 * cached routing index, with the one household the place names read on demand.
 */
export async function locate(category: Category, place: RouteTarget, now: number, householdRead?: Promise<Household | null>): Promise<Located | Failure> {
  const directory = await loadDirectory(now)
  let index = directory.routing
  let household: Household | null = null
  if ('householdId' in place) {
    // `householdRead`: the place's household, read already (beside the caller's record).
    household = await (householdRead ?? householdOf(place.householdId, now))
    if (!household) return failure('NOT_FOUND', '没有找到这一户')
    index = { ...index, households: new Map([[household._id, household]]) }
  }
  const outcome = routeRequest(index, { category, target: place })
  if (!outcome.ok) {
    return outcome.reason === 'OUT_OF_AREA'
      ? failure('OUT_OF_AREA', '这个位置不在本街道的服务范围内')
      : failure('NOT_FOUND', '没有找到这一户所在的楼栋')
  }
  const route = outcome.decision
  const community = directory.communities.get(route.communityId)
  if (!community) return failure('NOT_FOUND', '没有找到这个社区')
  const building = route.buildingId ? directory.buildings.get(route.buildingId) : undefined
  return {
    route,
    streetId: community.streetId,
    location: 'point' in place ? place.point : (building?.location ?? null),
    room: household?.room ?? null,
  }
}
