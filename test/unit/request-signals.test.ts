import { dueTimes } from '../../cloudfunctions/shared/core/request/deadlines'
import { newRequest } from '../../cloudfunctions/shared/core/request/new-request'
import { overdueList, overdueStatuses, rateGroup, RateRow, ratesByCommunity, ratesByGrid, ratesOf } from '../../cloudfunctions/shared/core/request/signals'
import { aggregate } from '../../local/db/engine'
import { RateCounts, RequestRates } from '../../types/request.actions'
import type { Rating, Request } from '../../types/request.schema'
import { person, requestDraft } from './request-drafts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const T0 = 1_741_000_000_000
const NOW = T0 + 10 * DAY
const PERIOD = { from: T0, to: T0 + 10 * DAY }

const base = newRequest(requestDraft('hazard', '消防通道被堵'), person('u-res'), T0 - 30 * DAY).request

/** A hazard item (answer within 2 h, resolve within 3 days) dispatched at `at`. */
const req = (_id: string, at: number, over: Partial<Request> = {}): Request =>
  ({ ...base, _id, status: 'dispatched', ownerId: 'u-owner', dispatchedAt: at, deadlines: dueTimes('hazard', at), createdAt: at, ...over })
/**
 * The rates are aggregation expressions (signals.ts rateConditions) the database sums: here run by the
 * local database's engine over plain copies of the items, as the dashboard has CloudBase run them.
 */
const countedRows = (items: readonly object[]): RateRow[] =>
  aggregate(JSON.parse(JSON.stringify(items)), [{ $group: rateGroup(PERIOD, NOW) }], () => []).map((row) => RateRow.parse(row))
const ratesOver = (items: readonly object[]): RequestRates => {
  const rows = ratesByGrid(countedRows(items))
  expect(rows).toHaveLength(1)
  return rows[0].rates
}
const rated = (outcome: Rating['outcome'], satisfaction: Rating['satisfaction'], at: number): Rating => ({ outcome, satisfaction, at, by: 'u-res' })

const requests: Request[] = [
  req('a-on-time-resolved', T0 + HOUR, { respondedAt: T0 + 2 * HOUR, status: 'closed', rating: rated('resolved', 'satisfied', T0 + 2 * DAY) }),
  req('b-late-partly', T0 + DAY, { respondedAt: T0 + DAY + 3 * HOUR, status: 'closed', rating: rated('partly', 'basic', T0 + 3 * DAY) }),
  req('c-never-answered', T0 + 2 * DAY),
  req('d-still-running', NOW - HOUR),
  req('e-withdrawn-in-time', T0 + 3 * DAY, { status: 'withdrawn', closedAt: T0 + 3 * DAY + HOUR }),
  req('f-withdrawn-late', T0 + 4 * DAY, { status: 'withdrawn', closedAt: T0 + 4 * DAY + 5 * HOUR }),
  req('g-referred-in-time', T0 + 5 * DAY, { status: 'referred', respondedAt: T0 + 5 * DAY + HOUR, closedAt: T0 + 5 * DAY + HOUR }),
  req('h-reopened', T0 - DAY, {
    status: 'escalated', respondedAt: T0 - DAY + HOUR, rating: rated('unresolved', 'unsatisfied', T0 + HOUR),
    deadlines: { ...dueTimes('hazard', T0 - DAY), resolveFrom: T0 + HOUR, resolveBy: T0 + HOUR + 3 * DAY },
  }),
  req('i-rated-before', T0 - 5 * DAY, { status: 'closed', respondedAt: T0 - 5 * DAY, rating: rated('resolved', 'basic', T0 - 2 * DAY) }),
  req('j-unrated-in', T0 - 10 * DAY, { status: 'closedUnrated', respondedAt: T0 - 10 * DAY, closedAt: T0 + 9 * DAY }),
  req('k-unrated-before', T0 - 20 * DAY, { status: 'closedUnrated', respondedAt: T0 - 20 * DAY, closedAt: T0 - DAY }),
  req('p-proactive', T0 + DAY, { residentId: null, filedBy: { kind: 'proactive', staffId: 'u-owner' }, status: 'closed', respondedAt: T0 + DAY, rating: rated('resolved', 'satisfied', T0 + 2 * DAY) }),
  req('q-awaiting-rating', T0 - 20 * DAY, { status: 'replied', respondedAt: T0 - 20 * DAY, repliedAt: T0 }),
]

test('the three rates over a period, as defined in signals.ts', () => {
  const rates = ratesOver(requests)
  expect(rates).toEqual({
    dispatched: 7, // a–g; h–k and q before the period, p proactive
    responseCounted: 5, // a b c f g; d still inside its window, e withdrawn before it closed
    respondedOnTime: 2, // a answered, g referred
    rated: 3, // a b h; i rated before the period, p proactive
    resolved: 1,
    partly: 1,
    satisfied: 2, // 满意 a + 基本满意 b
    closedUnrated: 1, // j; k closed before the period
    proactive: 1,
    responseRate: 2 / 5,
    resolutionRate: 1 / 3,
    satisfactionRate: 2 / 3,
  })
  expect(RequestRates.parse(rates)).toEqual(rates)
})

test('a field left out counts as one set to null: the database tells missing from null, the rates do not', () => {
  const nullable = ['deadlines', 'dispatchedAt', 'respondedAt', 'repliedAt', 'closedAt', 'rating'] as const
  const withoutNulls = requests.map((r) => Object.fromEntries(Object.entries(r).filter(([k, v]) => !(nullable.includes(k as never) && v === null))))
  expect(withoutNulls.some((r) => !('respondedAt' in r))).toBe(true)
  expect(ratesOver(withoutNulls)).toEqual(ratesOver(requests))
})

test('with nothing to count a rate is null, not 0% or 100%', () => {
  expect(ratesByGrid(countedRows([]))).toEqual([])
  const none = Object.fromEntries(Object.keys(RateCounts.shape).map((k) => [k, 0])) as RateCounts
  expect(ratesOf(none)).toMatchObject({ responseRate: null, resolutionRate: null, satisfactionRate: null, dispatched: 0 })
})

test('the overdue list: open items past respond-by or resolve-by, longest overdue first; a reply awaiting rating is not overdue', () => {
  expect(overdueList(requests, NOW)).toEqual([
    { requestId: 'c-never-answered', category: 'hazard', status: 'dispatched', communityId: 'comm-1', gridId: 'grid-1', ownerId: 'u-owner',
      stage: 'respond', dueAt: T0 + 2 * DAY + 2 * HOUR, overdueMs: 8 * DAY - 2 * HOUR },
    { requestId: 'h-reopened', category: 'hazard', status: 'escalated', communityId: 'comm-1', gridId: 'grid-1', ownerId: 'u-owner',
      stage: 'resolve', dueAt: T0 + HOUR + 3 * DAY, overdueMs: 7 * DAY - HOUR },
  ])
  // What the dashboard asks the database for: the statuses whose clock can run late.
  expect([...overdueStatuses].sort()).toEqual(['accepted', 'dispatched', 'escalated', 'inProgress'])
})

describe('per grid and per community', () => {
  const at = (communityId: string, gridId: string | null) => ({ route: { ...base.route, communityId, gridId } })
  const resolvedIn = (id: string, communityId: string, gridId: string | null, outcome: Rating['outcome']) =>
    req(id, T0 + DAY, { ...at(communityId, gridId), status: 'closed', respondedAt: T0 + DAY, rating: rated(outcome, 'satisfied', T0 + 2 * DAY) })
  const spread = [
    resolvedIn('x1', 'comm-1', 'grid-1', 'resolved'),
    resolvedIn('x2', 'comm-1', 'grid-2', 'partly'),
    resolvedIn('x3', 'comm-1', null, 'resolved'),
    resolvedIn('x4', 'comm-2', 'grid-9', 'resolved'),
    resolvedIn('x5', 'comm-1', 'grid-1', 'partly'),
  ]

  test('a row per grid, the community queue as the row without a grid', () => {
    const rows = ratesByGrid(countedRows(spread)).map((r) => [r.communityId, r.gridId, r.rates.rated, r.rates.resolutionRate])
    expect(rows).toEqual([['comm-1', null, 1, 1], ['comm-1', 'grid-1', 2, 0.5], ['comm-1', 'grid-2', 1, 0], ['comm-2', 'grid-9', 1, 1]])
  })

  test('a row per community, summing its grids and its queue', () => {
    const rows = ratesByCommunity(countedRows(spread)).map((r) => [r.communityId, r.rates.rated, r.rates.resolved, r.rates.responseRate])
    expect(rows).toEqual([['comm-1', 4, 2, 1], ['comm-2', 1, 1, 1]])
  })
})
