import { failure, success } from '../../types'
import { isOwnPlace } from '../shared/core/own-place'
import { CELL_MARGIN_M, daysAgo, DUPLICATE_RADIUS_M, DUPLICATE_WINDOW_MS, findDuplicates, snapToCell } from '../shared/core/request/duplicates'
import { followableStatuses } from '../shared/core/request/request.machine'
import { database } from '../shared/runtime/cloudbase'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { followedAmong } from './follows'
import { locate } from '../shared/runtime/locate-place'
import { allRequests } from './request-queries'

/** Degrees of latitude per metre; a degree of longitude shrinks with cos(latitude). */
const DEG_PER_M = 1 / 111_320

/**
 * Before filing: open requests of the same category in the same building or nearby (duplicates.ts)
 * from the last 30 days, to +1 instead of filing again. Only for a place the caller could file for
 * (their own household, or a point in the street), only in that place's community, answered coarsely
 * (DuplicateView): issue 10 (4), where metre distances let a stranger place a neighbour's pin.
 * The database narrows by community, category, time, status and a box around the snapped point;
 * duplicates.ts decides. The caller's own requests are not offered.
 */
export const checkDuplicates: ActionHandler<'requests', 'checkDuplicates'> = async (input, { actor, now }) => {
  if (!isOwnPlace(input.place, actor)) return failure('FORBIDDEN', '只能查看自己绑定的房屋附近；其他地点请在地图上选点')
  const located = await locate(input.category, input.place, now)
  if ('ok' in located) return located
  // Same building only for the caller's own home: for a map point the route's building is the one
  // nearest the point, and a stranger dropping a point beside each building would learn which building
  // each open request comes from.
  const ownBuildingId = 'householdId' in input.place ? located.route.buildingId : null
  const _ = database().command
  const near = []
  if (ownBuildingId) near.push({ 'route.buildingId': ownBuildingId })
  if (located.location) {
    const { lng, lat } = snapToCell(located.location)
    const dLat = (DUPLICATE_RADIUS_M + CELL_MARGIN_M) * DEG_PER_M
    const dLng = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180))
    near.push({ 'location.lat': _.gte(lat - dLat).and(_.lte(lat + dLat)), 'location.lng': _.gte(lng - dLng).and(_.lte(lng + dLng)) })
  }
  if (near.length === 0) return success({ items: [] })
  const candidates = await allRequests(
    _.and([
      { 'route.communityId': located.route.communityId, category: input.category, createdAt: _.gte(now - DUPLICATE_WINDOW_MS), status: _.in([...followableStatuses]) },
      _.or(near),
    ]),
    ['createdAt', 'desc'],
    200,
    'listed',
  )
  const matches = findDuplicates(
    { category: input.category, communityId: located.route.communityId, buildingId: ownBuildingId, point: located.location, now },
    candidates.filter((r) => r.residentId !== actor.userId),
  )
  const followed = await followedAmong(matches.map((m) => m.request._id), actor.userId)
  return success({
    items: matches.map(({ request, nearness }) => ({
      _id: request._id,
      category: request.category,
      status: request.status,
      nearness,
      filedDaysAgo: daysAgo(request.createdAt, now),
      followers: request.followers,
      following: followed.has(request._id),
    })),
  })
}
