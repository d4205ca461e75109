import { distanceM } from '../../cloudfunctions/shared/core/geo/point-in-polygon'
import { daysAgo, DUPLICATE_RADIUS_M, DUPLICATES_SHOWN, findDuplicates, snapToCell } from '../../cloudfunctions/shared/core/request/duplicates'
import { newRequest } from '../../cloudfunctions/shared/core/request/new-request'
import type { GeoPoint } from '../../types/geo.schema'
import type { Request } from '../../types/request.schema'
import { person, requestDraft } from './request-drafts'

const DAY = 86_400_000
const NOW = 1_741_000_000_000
const HOME: GeoPoint = { lng: 121.44, lat: 31.19 }
/** Metres north of HOME: one degree of latitude is 111,195 m on the mean Earth radius distanceM uses. */
const north = (m: number): GeoPoint => ({ lng: HOME.lng, lat: HOME.lat + m / 111_195.08 })

const base = newRequest(requestDraft('environment', '垃圾桶满了没人清', { location: HOME, route: { buildingId: 'bldg-3' } }), person('u-res'), NOW).request
const req = (_id: string, over: Partial<Request> & { buildingId?: string | null; communityId?: string }): Request => {
  const { buildingId = 'bldg-far', communityId = base.route.communityId, ...rest } = over
  return { ...base, _id, status: 'inProgress', location: north(1000), createdAt: NOW - DAY, ...rest, route: { ...base.route, buildingId, communityId } }
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

const candidate = { category: 'environment' as const, communityId: 'comm-1', buildingId: 'bldg-3', now: NOW }

test('same category, community, building or nearby cell, last 30 days, followable: same building first, then newest — never nearest first, capped', () => {
  const found = findDuplicates({ ...candidate, point: HOME }, open)
  // HOME's cell holds every pin up to 201 m north: nearness is by cell, so 199 m and 201 m answer alike.
  expect(found.map((m) => [m.request._id, m.nearness])).toEqual([
    ['same-building-far-pin', 'sameBuilding'],
    ['50m-newer', 'nearby'],
    ['199m', 'nearby'],
    ['201m', 'nearby'],
    ['just-dispatched', 'nearby'],
  ])
  expect(found).toHaveLength(DUPLICATES_SHOWN)
  // Past the cap, older matches (50m-older, 30-days-old-exactly) are not shown: a filer needs a few, not the street's list.
  expect(findDuplicates({ ...candidate, point: HOME }, open.filter((r) => r._id !== '201m')).map((m) => m.request._id)).toContain('50m-older')
})

test('nothing from another community, however close', () => {
  const elsewhere = [req('next-door-other-community', { location: HOME, buildingId: 'bldg-3', communityId: 'comm-2' })]
  expect(findDuplicates({ ...candidate, point: HOME }, elsewhere)).toEqual([])
})

test('a point chosen on the map, with no building: only nearness counts', () => {
  const found = findDuplicates({ ...candidate, buildingId: null, point: north(450) }, open)
  expect(found.map((m) => m.request._id)).toEqual(['same-building-far-pin'])
})

test('a household whose building has no location: only the same building counts', () => {
  const found = findDuplicates({ ...candidate, point: null }, open)
  expect(found.map((m) => [m.request._id, m.nearness])).toEqual([['same-building-far-pin', 'sameBuilding']])
})

test('nothing of the category nearby: an empty list', () => {
  expect(findDuplicates({ ...candidate, category: 'elderly', point: HOME }, open)).toEqual([])
})

/**
 * Issue 10 (4): three calls from a stranger placed a neighbour's pin within 0.4 m. The answer now
 * depends on the cell a pin lies in, not the pin: two pins of one cell answer every probe alike, so no
 * number of probes (a sweep of the street, a bisection at the radius) tells them apart.
 */
test('no probe tells two pins of one cell apart: the answer does not locate a pin within its cell', () => {
  const cell = snapToCell(HOME)
  const pinA = { lng: cell.lng - 0.0009, lat: cell.lat - 0.0009 }
  const pinB = { lng: cell.lng + 0.0009, lat: cell.lat + 0.0009 }
  const atPin = (id: string, location: GeoPoint) => [req(id, { location, buildingId: null, createdAt: NOW - DAY })]
  let seen = 0
  for (let dx = -60; dx <= 60; dx += 1) {
    for (let dy = -60; dy <= 60; dy += 3) {
      const probe = { ...candidate, buildingId: null, point: { lng: cell.lng + dx * 0.0001, lat: cell.lat + dy * 0.0001 } }
      // Everything the match says but the stored request itself, which the answer never carries whole.
      const answer = (pin: GeoPoint) => findDuplicates(probe, atPin('pin', pin)).map(({ request, ...said }) => ({ id: request._id, ...said }))
      const a = answer(pinA)
      expect(a).toStrictEqual(answer(pinB))
      seen += a.length
    }
  }
  // The probes did find the pin from many places, just never told where in its cell it lies.
  expect(seen).toBeGreaterThan(100)
})

test('how long ago, in Shanghai calendar days', () => {
  // 00:30 on 1 March in Shanghai is 28 February in UTC; at 23:00 the same Shanghai day it is today.
  const filed = Date.UTC(2025, 1, 28, 16, 30)
  expect(daysAgo(filed, Date.UTC(2025, 2, 1, 15, 0))).toBe(0)
  expect(daysAgo(filed, Date.UTC(2025, 2, 1, 16, 30))).toBe(1)
  expect(daysAgo(filed, Date.UTC(2025, 2, 10, 1, 0))).toBe(9)
})
