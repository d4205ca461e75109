import type { Category } from '../../../../types/category.schema'
import type { GeoPoint } from '../../../../types/geo.schema'
import type { Request } from '../../../../types/request.schema'
import { distanceM } from '../geo/point-in-polygon'
import { followableStatuses } from './request.machine'

/** The rule: same category, same building or within 200 m, filed in the last 30 days. */
export const DUPLICATE_RADIUS_M = 200
export const DUPLICATE_WINDOW_MS = 30 * 86_400_000

export type DuplicateCandidate = { category: Category; buildingId: string | null; point: GeoPoint | null; now: number }
export type DuplicateMatch = { request: Request; sameBuilding: boolean; distanceM: number | null }

/**
 * Before filing, the open requests a resident could +1 instead (follow): only those a neighbour may
 * follow, so an item still in content review is never shown to anyone else. Same building first,
 * then nearest, then newest.
 */
export function findDuplicates(candidate: DuplicateCandidate, requests: readonly Request[]): DuplicateMatch[] {
  const since = candidate.now - DUPLICATE_WINDOW_MS
  const matches: DuplicateMatch[] = []
  for (const request of requests) {
    if (request.category !== candidate.category || request.createdAt < since || request.createdAt > candidate.now) continue
    if (!followableStatuses.includes(request.status)) continue
    const sameBuilding = candidate.buildingId !== null && request.route.buildingId === candidate.buildingId
    const distance = candidate.point && request.location ? distanceM(candidate.point, request.location) : null
    if (sameBuilding || (distance !== null && distance <= DUPLICATE_RADIUS_M)) matches.push({ request, sameBuilding, distanceM: distance })
  }
  return matches.sort(
    (a, b) =>
      Number(b.sameBuilding) - Number(a.sameBuilding) ||
      (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity) ||
      b.request.createdAt - a.request.createdAt ||
      a.request._id.localeCompare(b.request._id),
  )
}
