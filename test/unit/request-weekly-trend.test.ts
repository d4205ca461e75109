import { dueTimes } from '../../cloudfunctions/shared/core/request/deadlines'
import { newRequest } from '../../cloudfunctions/shared/core/request/new-request'
import { rateGroup, RateRow, ratesByGrid } from '../../cloudfunctions/shared/core/request/signals'
import { gridWeeksOf, weeklyRates, weeklyStages, WeeklyRow } from '../../cloudfunctions/shared/core/request/weekly-trend'
import { aggregate } from '../../local/db/engine'
import type { Doc } from '../../local/db/ejson'
import { lastShanghaiWeeks } from '../../types/calendar'
import type { Rating, Request } from '../../types/request.schema'
import { person, requestDraft } from './request-drafts'

/**
 * The weekly chart judges each count once over the whole range and reads the week off its time
 * field: it must agree, week by week, with signals.ts's rates taken with that week as the period.
 */
const HOUR = 3_600_000
const DAY = 24 * HOUR
// Wednesday 5 March 2025, 10:00 in Shanghai.
const NOW = Date.UTC(2025, 2, 5, 2)
const WEEKS = lastShanghaiWeeks(8, NOW)

const base = newRequest(requestDraft('hazard', '消防通道被堵'), person('u-res'), WEEKS[0].from - 30 * DAY).request
const rated = (outcome: Rating['outcome'], satisfaction: Rating['satisfaction'], at: number): Rating => ({ outcome, satisfaction, at, by: 'u-res' })

/** A spread of items over ten weeks, each kind every 29 hours, so they cross week edges in every way. */
function items(): Request[] {
  const all: Request[] = []
  for (let at = WEEKS[0].from - 14 * DAY, i = 0; at < NOW; at += 29 * HOUR, i++) {
    const gridId = i % 3 === 0 ? null : `grid-${i % 3}`
    const common = { ...base, _id: `r-${i}`, route: { ...base.route, gridId }, dispatchedAt: at, deadlines: dueTimes('hazard', at), createdAt: at, ownerId: 'u-owner' }
    const kinds: Partial<Request>[] = [
      { status: 'closed', respondedAt: at + HOUR, rating: rated('resolved', 'satisfied', at + 40 * HOUR), closedAt: at + 40 * HOUR },
      { status: 'closed', respondedAt: at + 3 * HOUR, rating: rated('partly', 'unsatisfied', at + 5 * DAY), closedAt: at + 5 * DAY },
      { status: 'dispatched' },
      { status: 'closedUnrated', respondedAt: at + HOUR, closedAt: at + 7 * DAY },
      { status: 'withdrawn', closedAt: at + HOUR },
      { status: 'closed', residentId: null, filedBy: { kind: 'proactive', staffId: 'u-owner' }, respondedAt: at, closedAt: at + HOUR },
    ]
    all.push({ ...common, ...kinds[i % kinds.length] } as Request)
  }
  return all
}

test('each week’s counts, per grid, equal signals.ts’s with that week as the period', () => {
  const docs = JSON.parse(JSON.stringify(items())) as Doc[]
  const { addFields, group } = weeklyStages(WEEKS, NOW)
  const weekly = aggregate(docs, [{ $addFields: addFields }, { $group: group }], () => []).map((row) => gridWeeksOf(WeeklyRow.parse(row), WEEKS.length))
  const key = (row: { communityId: string; gridId: string | null }) => `${row.communityId}:${row.gridId}`
  let nonZero = 0
  WEEKS.forEach((week, i) => {
    const expected = ratesByGrid(aggregate(docs, [{ $group: rateGroup(week, NOW) }], () => []).map((row) => RateRow.parse(row)))
    for (const row of expected) {
      const found = weekly.find((w) => key(w) === key(row))!
      const { responseRate: _r, resolutionRate: _s, satisfactionRate: _t, ...counts } = row.rates
      expect({ week: i, grid: key(row), counts: found.counts[i] }).toEqual({ week: i, grid: key(row), counts })
      nonZero += counts.dispatched + counts.rated + counts.closedUnrated + counts.proactive
    }
    const filed = docs.filter((d) => (d.createdAt as number) >= week.from && (d.createdAt as number) < week.to).length
    expect(weekly.reduce((n, row) => n + row.filed[i], 0)).toBe(filed)
  })
  expect(nonZero).toBeGreaterThan(40)
  // The scope's weekly rates are the grids' counts added, the rates taken again.
  const total = weeklyRates(weekly, WEEKS.length)
  expect(total[3].dispatched).toBe(weekly.reduce((n, row) => n + row.counts[3].dispatched, 0))
  expect(total[3].responseRate).toBe(total[3].respondedOnTime / total[3].responseCounted)
})

test('weeks begin on Monday 00:00 in Shanghai (Sunday 16:00 UTC), the last holding now', () => {
  expect(WEEKS.map((w) => new Date(w.from).toISOString().slice(0, 16))).toEqual([
    '2025-01-12T16:00', '2025-01-19T16:00', '2025-01-26T16:00', '2025-02-02T16:00', '2025-02-09T16:00', '2025-02-16T16:00', '2025-02-23T16:00', '2025-03-02T16:00',
  ])
  // 00:30 on Monday in Shanghai is still Sunday in UTC: its week starts that very Monday.
  const mondayNight = Date.UTC(2025, 2, 2, 16, 30)
  expect(lastShanghaiWeeks(1, mondayNight)[0].from).toBe(Date.UTC(2025, 2, 2, 16))
  // 23:30 on Sunday in Shanghai: still the week before.
  expect(lastShanghaiWeeks(1, Date.UTC(2025, 2, 2, 15, 30))[0].from).toBe(Date.UTC(2025, 1, 23, 16))
})
