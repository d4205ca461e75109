import type { StoredRequest } from '../../cloudfunctions/requests/request-store'
import { dueTimes } from '../../cloudfunctions/shared/core/request/deadlines'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import type { ActionOutput, RateCounts, Request } from '../../types'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { databaseRequestsDuring, DAY, documents, fileAs, HOUR, insertCopies, P } from '../support/requests'

/**
 * A community's month at scale: more than a thousand items, inserted through the SDK, each of a kind
 * whose part in every count is known. The dashboard's counts must equal the sum of those parts, its
 * overdue list must start with the most overdue item, and the call must cost a few database requests
 * whatever the number of items (it used to read every item, 1000 a request, and stop at 20,000).
 */
const MINUTE = 60_000
type Board = ActionOutput<'requests', 'dashboard'>
type Kind = { status: Request['status']; counts: Partial<RateCounts>; overdue: 'respond' | 'resolve' | null; change: (d: number) => Partial<Request> }

const rating = (outcome: 'resolved' | 'partly', satisfaction: 'satisfied' | 'unsatisfied', at: number) => ({ outcome, satisfaction, at, by: P.residentA })

/** Hazard items: answer within 2 hours, resolve within 3 days of dispatch at `d`. */
const kinds: Kind[] = [
  { status: 'closed', overdue: null, counts: { dispatched: 1, responseCounted: 1, respondedOnTime: 1, rated: 1, resolved: 1, satisfied: 1 },
    change: (d) => ({ respondedAt: d + HOUR, repliedAt: d + 2 * HOUR, rating: rating('resolved', 'satisfied', d + 3 * HOUR), closedAt: d + 3 * HOUR, updatedAt: d + 3 * HOUR }) },
  { status: 'closed', overdue: null, counts: { dispatched: 1, responseCounted: 1, rated: 1, partly: 1 },
    change: (d) => ({ respondedAt: d + 3 * HOUR, repliedAt: d + 4 * HOUR, rating: rating('partly', 'unsatisfied', d + 5 * HOUR), closedAt: d + 5 * HOUR, updatedAt: d + 5 * HOUR }) },
  { status: 'dispatched', overdue: 'respond', counts: { dispatched: 1, responseCounted: 1 }, change: (d) => ({ updatedAt: d }) },
  { status: 'accepted', overdue: 'resolve', counts: { dispatched: 1, responseCounted: 1, respondedOnTime: 1 },
    change: (d) => ({ respondedAt: d + HOUR, updatedAt: d + HOUR }) },
  { status: 'withdrawn', overdue: null, counts: { dispatched: 1 }, change: (d) => ({ closedAt: d + HOUR, updatedAt: d + HOUR }) },
  { status: 'closedUnrated', overdue: null, counts: { dispatched: 1, responseCounted: 1, respondedOnTime: 1, closedUnrated: 1 },
    change: (d) => ({ respondedAt: d + HOUR, repliedAt: d + HOUR, closedAt: d + 7 * DAY + HOUR, updatedAt: d + 7 * DAY + HOUR }) },
  { status: 'closed', overdue: null, counts: { proactive: 1 },
    change: (d) => ({ residentId: null, filedBy: { kind: 'proactive', staffId: P.workerKangleA }, respondedAt: d, closedAt: d + HOUR, updatedAt: d + HOUR }) },
]
/** Accepted 40 days or more before now and untouched since: in no count of the month, the longest overdue. */
const stale: Kind = { status: 'accepted', overdue: 'resolve', counts: {}, change: (d) => ({ respondedAt: d, updatedAt: d }) }

const ITEMS = 1200
const grids = ['grid-kangle-1', 'grid-kangle-2', null] as const
const zero: RateCounts = { dispatched: 0, responseCounted: 0, respondedOnTime: 0, rated: 0, resolved: 0, partly: 0, satisfied: 0, closedUnrated: 0, proactive: 0 }
const withRates = (c: RateCounts) => ({
  ...c,
  responseRate: c.responseCounted ? c.respondedOnTime / c.responseCounted : null,
  resolutionRate: c.rated ? c.resolved / c.rated : null,
  satisfactionRate: c.rated ? c.satisfied / c.rated : null,
})
const add = (a: RateCounts, b: Partial<RateCounts>): RateCounts =>
  Object.fromEntries(Object.entries(a).map(([k, n]) => [k, n + (b[k as keyof RateCounts] ?? 0)])) as RateCounts

let cloud: TestCloudbase
let start: number
/** Per inserted item: where it is, its kind, and when its running clock fell due. */
const truth: { _id: string; gridId: string | null; communityId: string; kind: Kind; dueAt: number }[] = []
const insertedAt = new Map<string, number>()

beforeAll(async () => {
  cloud = await startTestCloudbase()
  start = cloud.clock.now()
  const filed = await fileAs(cloud, P.residentA)
  const [template] = await documents<StoredRequest>(Collections.requests, { _id: filed._id })
  // Only the inserted items are counted: the template's own filing goes.
  await (await import('../../cloudfunctions/shared/runtime/cloudbase')).database().collection(Collections.requests).doc(filed._id).remove()

  const changes: Partial<Request>[] = []
  for (let i = 0; i < ITEMS; i++) {
    const kind = i % 8 === 7 ? stale : kinds[i % 8]
    // Dispatched between 30 and 12 days ago (each kind's last event falls inside the month), stale ones 40+ days ago.
    const d = kind === stale ? start - 40 * DAY - i * MINUTE : start - 30 * DAY + HOUR + ((i * 37) % 19) * DAY + (i % 5) * HOUR + i * 1000
    const gridId = grids[i % 3]
    const deadlines = dueTimes('hazard', d)
    changes.push({
      status: kind.status, ownerId: P.workerKangleA, dispatchedAt: d, deadlines, createdAt: d, rating: null, respondedAt: null, closedAt: null,
      route: { ...template.route, gridId }, ...kind.change(d),
    })
    insertedAt.set(`${template._id}-copy-${i}`, d)
    truth.push({ _id: `${template._id}-copy-${i}`, gridId, communityId: 'comm-kangle', kind, dueAt: kind.overdue === 'respond' ? deadlines.respondBy : deadlines.resolveBy })
  }
  await insertCopies(template, changes)
  // Another community's items: outside the scope, in no count and not on the list.
  const elsewhere = { ...template, _id: `${template._id}-cuihu`, streetId: template.streetId }
  await insertCopies(elsewhere, Array.from({ length: 60 }, (_, i) => ({
    status: 'dispatched' as const, ownerId: P.workerCuihu, dispatchedAt: start - 50 * DAY - i, deadlines: dueTimes('hazard', start - 50 * DAY - i), createdAt: start - 50 * DAY,
    updatedAt: start - 20 * DAY, route: { ...template.route, communityId: 'comm-cuihu', gridId: 'grid-cuihu-1' },
  })))
})
afterAll(() => cloud.close())

describe('a community dashboard over 1,200 items', () => {
  let board: Board
  let requests: Record<string, Record<string, number>>
  beforeAll(async () => {
    requests = await databaseRequestsDuring(cloud, async () => {
      board = expectOk(await cloud.call(P.committeeKangle, 'requests', 'dashboard', { scope: { communityId: 'comm-kangle' }, period: { from: start - 30 * DAY, to: cloud.clock.now() + 1 } }))
    })
  })

  test('the counts per grid and per community are the sum of each item’s known part', () => {
    const byGrid = new Map<string | null, RateCounts>()
    for (const t of truth) byGrid.set(t.gridId, add(byGrid.get(t.gridId) ?? zero, t.kind.counts))
    // Every grid of the community, 康乐三、四网格 with nothing in them among them (issue 9), the queue first.
    const names: Record<string, string> = { 'grid-kangle-1': '康乐一网格', 'grid-kangle-2': '康乐二网格', 'grid-kangle-3': '康乐三网格', 'grid-kangle-4': '康乐四网格' }
    expect(board.byGrid).toEqual(
      [null, 'grid-kangle-1', 'grid-kangle-2', 'grid-kangle-3', 'grid-kangle-4'].map((gridId) => ({
        communityId: 'comm-kangle', gridId, gridName: gridId ? names[gridId] : null, rates: withRates(byGrid.get(gridId) ?? zero),
      })),
    )
    const community = truth.reduce((sum, t) => add(sum, t.kind.counts), zero)
    expect(truth.length).toBeGreaterThan(1100)
    expect(board.byCommunity).toEqual([{ communityId: 'comm-kangle', communityName: '康乐社区', rates: withRates(community) }])
    expect(board.scopeName).toBe('康乐社区')
    expect(board.total).toEqual(withRates(community))
  })

  test('the overdue list: the most overdue first, bounded, and how many there are in all', () => {
    const now = cloud.clock.now()
    const overdue = truth.filter((t) => t.kind.overdue !== null && t.dueAt < now).sort((a, b) => a.dueAt - b.dueAt || a._id.localeCompare(b._id))
    expect(overdue.length).toBeGreaterThan(400)
    expect(board.overdue[0]).toMatchObject({ requestId: overdue[0]._id, stage: 'resolve', dueAt: overdue[0].dueAt })
    expect(board.overdue.map((o) => o.requestId)).toEqual(overdue.slice(0, 100).map((t) => t._id))
    expect(board.overdueTotal).toBe(overdue.length)
  })

  test('the weekly chart is counted by the database too: each item in the week it came in, per grid', () => {
    const filedPerGrid = new Map<string | null, number>()
    for (const t of truth) {
      const createdAt = insertedAt.get(t._id)!
      if (createdAt >= board.trend.weeks[0].from) filedPerGrid.set(t.gridId, (filedPerGrid.get(t.gridId) ?? 0) + 1)
    }
    expect(board.trend.weeks).toHaveLength(8)
    expect(board.trend.byGrid.map((g) => [g.gridId, g.filed.reduce((a, b) => a + b, 0)])).toEqual(
      [null, 'grid-kangle-1', 'grid-kangle-2', 'grid-kangle-3', 'grid-kangle-4'].map((gridId) => [gridId, filedPerGrid.get(gridId) ?? 0]),
    )
  })

  test('one call costs four database requests on the items (the rates, the weeks, the overdue list and its count), not a read of every one', () => {
    expect(requests[Collections.requests]).toEqual({ aggregateDocuments: 2, getDocument: 1, calculateDocument: 1 })
  })
})
