import { success } from '../../types'
import { DUPLICATE_RADIUS_M, DUPLICATE_WINDOW_MS, findDuplicates } from '../shared/core/request/duplicates'
import { followableStatuses } from '../shared/core/request/request.machine'
import { database } from '../shared/runtime/cloudbase'
import { loadDirectory } from '../shared/runtime/directory-cache'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { followedAmong } from './follows'
import { locate } from '../shared/runtime/locate-place'
import { allRequests } from './request-queries'

const SHOWN = 10
/** Degrees of latitude per metre; a degree of longitude shrinks with cos(latitude). */
const DEG_PER_M = 1 / 111_320

/**
 * Before filing: open requests of the same category in the same building or within 200 m from the
 * last 30 days, to +1 instead of filing again. The database narrows by category, time, status and a
 * bounding box; duplicates.ts measures the true distance. The caller's own requests are not offered.
 */
export const checkDuplicates: ActionHandler<'requests', 'checkDuplicates'> = async (input, { actor, now }) => {
  const located = await locate(input.category, input.place, now)
  if ('ok' in located) return located
  const _ = database().command
  const near = []
  if (located.route.buildingId) near.push({ 'route.buildingId': located.route.buildingId })
  if (located.location) {
    const { lng, lat } = located.location
    const dLat = DUPLICATE_RADIUS_M * DEG_PER_M
    const dLng = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180))
    near.push({ 'location.lat': _.gte(lat - dLat).and(_.lte(lat + dLat)), 'location.lng': _.gte(lng - dLng).and(_.lte(lng + dLng)) })
  }
  if (near.length === 0) return success({ items: [] })
  const candidates = await allRequests(
    _.and([{ category: input.category, createdAt: _.gte(now - DUPLICATE_WINDOW_MS), status: _.in([...followableStatuses]) }, _.or(near)]),
    ['createdAt', 'desc'],
    200,
  )
  const matches = findDuplicates(
    { category: input.category, buildingId: located.route.buildingId, point: located.location, now },
    candidates.filter((r) => r.residentId !== actor.userId),
  ).slice(0, SHOWN)
  const [directory, followed] = await Promise.all([loadDirectory(now), followedAmong(matches.map((m) => m.request._id), actor.userId)])
  return success({
    items: matches.map(({ request, sameBuilding, distanceM }) => ({
      _id: request._id,
      category: request.category,
      status: request.status,
      buildingName: request.route.buildingId ? (directory.buildings.get(request.route.buildingId)?.name ?? null) : null,
      sameBuilding,
      distanceM: distanceM === null ? null : Math.round(distanceM),
      followers: request.followers,
      following: followed.has(request._id),
      createdAt: request.createdAt,
    })),
  })
}
