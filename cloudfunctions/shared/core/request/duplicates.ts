import type { Category } from '../../../../types/category.schema'
import type { GeoPoint } from '../../../../types/geo.schema'
import type { Request } from '../../../../types/request.schema'
import { startOfShanghaiDay } from '../../../../types/calendar'
import { distanceM } from '../geo/point-in-polygon'
import { followableStatuses } from './request.machine'

/** The rule: same category, same building or within 200 m, filed in the last 30 days. */
export const DUPLICATE_RADIUS_M = 200
export const DUPLICATE_WINDOW_MS = 30 * 86_400_000
/** Issue 10 (4): a filer needs a few to recognise theirs, never the street's whole list. */
export const DUPLICATES_SHOWN = 5

/**
 * Issue 10 (4): an answer that depends on exact points is a distance oracle — three calls placed a
 * neighbour's pin within 0.4 m, and even a bare yes/no at 200 m narrows a pin by bisection. Both
 * points are snapped to a 0.002° lattice (about 220 m north–south, 190 m east–west in Shanghai)
 * before they are compared, so however many points a caller tries, the answer changes only from one
 * cell to the next and tells no more than the cell a pin lies in, about the size of a building's plot.
 */
const CELL_DEG = 0.002
const snap = (v: number) => (Math.floor(v / CELL_DEG) + 0.5) * CELL_DEG
export const snapToCell = (point: GeoPoint): GeoPoint => ({ lng: snap(point.lng), lat: snap(point.lat) })
/** How far a true point may lie from its cell's centre: the database's box widens by this on each side. */
export const CELL_MARGIN_M = 170

export type Nearness = 'sameBuilding' | 'nearby'
export type DuplicateCandidate = { category: Category; communityId: string; buildingId: string | null; point: GeoPoint | null; now: number }
export type DuplicateMatch = { request: Request; nearness: Nearness }

/**
 * Before filing, the open requests a resident could +1 instead (follow): only those a neighbour may
 * follow, so an item still in content review is never shown to anyone else; only in the filer's own
 * community. Same building first, then newest: never nearest first, as an order by distance is a
 * distance too.
 */
export function findDuplicates(candidate: DuplicateCandidate, requests: readonly Request[]): DuplicateMatch[] {
  const since = candidate.now - DUPLICATE_WINDOW_MS
  const from = candidate.point && snapToCell(candidate.point)
  const matches: DuplicateMatch[] = []
  for (const request of requests) {
    if (request.category !== candidate.category || request.createdAt < since || request.createdAt > candidate.now) continue
    if (request.route.communityId !== candidate.communityId || !followableStatuses.includes(request.status)) continue
    const sameBuilding = candidate.buildingId !== null && request.route.buildingId === candidate.buildingId
    const near = from !== null && request.location !== null && distanceM(from, snapToCell(request.location)) <= DUPLICATE_RADIUS_M
    if (sameBuilding || near) matches.push({ request, nearness: sameBuilding ? 'sameBuilding' : 'nearby' })
  }
  return matches
    .sort(
      (a, b) =>
        Number(b.nearness === 'sameBuilding') - Number(a.nearness === 'sameBuilding') ||
        b.request.createdAt - a.request.createdAt ||
        a.request._id.localeCompare(b.request._id),
    )
    .slice(0, DUPLICATES_SHOWN)
}

/** How long ago, in Shanghai calendar days (0 today, 1 yesterday): enough to recognise it, not to time it. */
export const daysAgo = (at: number, now: number): number => Math.max(0, Math.round((startOfShanghaiDay(now) - startOfShanghaiDay(at)) / 86_400_000))
