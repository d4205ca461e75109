import type { Actor } from '../../cloudfunctions/shared/core/actor'
import { distanceM } from '../../cloudfunctions/shared/core/geo/point-in-polygon'
import { DUPLICATE_RADIUS_M, findDuplicates } from '../../cloudfunctions/shared/core/request/duplicates'
import { newRequest, type RequestDraft } from '../../cloudfunctions/shared/core/request/new-request'
import type { GeoPoint } from '../../types/geo.schema'
import type { Request } from '../../types/request.schema'

const DAY = 86_400_000
const NOW = 1_741_000_000_000
const HOME: GeoPoint = { lng: 121.44, lat: 31.19 }
/** Metres north of HOME: one degree of latitude is 111,195 m on the mean Earth radius distanceM uses. */
const north = (m: number): GeoPoint => ({ lng: HOME.lng, lat: HOME.lat + m / 111_195.08 })

const resident: Actor = { userId: 'u-res', user: null, roles: ['resident'], gridIds: [], communityIds: [], streetIds: [], branchIds: [] }
const draft: RequestDraft = {
  _id: 'req', idempotencyKey: 'key-00000001', category: 'environment', text: '垃圾桶满了没人清', photos: [], place: { householdId: 'hh-1' },
  location: HOME, residentId: 'u-res', filedBy: { kind: 'resident' },
  route: { communityId: 'comm-1', gridId: 'grid-1', buildingId: 'bldg-3', branchId: 'br-1', partyGroupId: null, handlerId: 'u-owner',
    handlerRole: 'gridWorker', locateRule: 'household', classifyRule: 'environment→gridWorker', category: 'environment' },
  streetId: 'street-1',
}
const base = newRequest(draft, resident, NOW).request
const req = (_id: string, over: Partial<Request> & { buildingId?: string | null }): Request => {
  const { buildingId = 'bldg-far', ...rest } = over
  return { ...base, _id, status: 'inProgress', location: north(1000), createdAt: NOW - DAY, ...rest, route: { ...base.route, buildingId } }
}

const open: Request[] = [
  req('same-building-far-pin', { buildingId: 'bldg-3', location: north(500) }),
  req('199m', { location: north(199) }),
  req('201m', { location: north(201) }),
  req('50m-newer', { location: north(50), createdAt: NOW - 1000 }),
  req('50m-older', { location: north(50), createdAt: NOW - 2 * DAY }),
  req('other-category', { category: 'hazard', location: north(10) }),
  req('31-days-old', { location: north(10), createdAt: NOW - 31 * DAY }),
  req('30-days-old-exactly', { location: north(10), createdAt: NOW - 30 * DAY }),
  req('replied', { location: north(10), status: 'replied' }),
  req('closed', { location: north(10), status: 'closed' }),
  req('in-review', { location: north(10), status: 'inReview' }),
  req('just-dispatched', { location: north(120), status: 'dispatched' }),
  req('no-location', { location: null }),
]

test('the test points lie where their names say', () => {
  expect(distanceM(HOME, north(199))).toBeLessThan(DUPLICATE_RADIUS_M)
  expect(distanceM(HOME, north(201))).toBeGreaterThan(DUPLICATE_RADIUS_M)
})

test('same category, same building or within 200 m, last 30 days, followable: same building first, then nearest, then newest', () => {
  const found = findDuplicates({ category: 'environment', buildingId: 'bldg-3', point: HOME, now: NOW }, open)
  expect(found.map((m) => [m.request._id, m.sameBuilding, m.distanceM === null ? null : Math.round(m.distanceM)])).toEqual([
    ['same-building-far-pin', true, 500],
    ['30-days-old-exactly', false, 10],
    ['50m-newer', false, 50],
    ['50m-older', false, 50],
    ['just-dispatched', false, 120],
    ['199m', false, 199],
  ])
})

test('a point chosen on the map, with no building: only distance counts', () => {
  const found = findDuplicates({ category: 'environment', buildingId: null, point: north(450), now: NOW }, open)
  expect(found.map((m) => m.request._id)).toEqual(['same-building-far-pin'])
})

test('a household whose building has no location: only the same building counts', () => {
  const found = findDuplicates({ category: 'environment', buildingId: 'bldg-3', point: null, now: NOW }, open)
  expect(found.map((m) => [m.request._id, m.distanceM])).toEqual([['same-building-far-pin', null]])
})

test('nothing of the category nearby: an empty list', () => {
  expect(findDuplicates({ category: 'elderly', buildingId: 'bldg-3', point: HOME, now: NOW }, open)).toEqual([])
})
