import type { ActionOutput, RateCounts, RequestDetail } from '../../types'
import { RateCounts as RateCountsSchema } from '../../types'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { DAY, fileAs, HOUR, HOUSEHOLD_B, P } from '../support/requests'

/**
 * Issue 9, the dashboard: every unit of the caller's scope is in the answer, named, zeros and all; a
 * street's total is the sum of its communities; the weekly chart counts by Shanghai weeks (Monday
 * 00:00 Beijing time, Sunday 16:00 UTC, where the functions' clock runs); and a grid's dashboard
 * carries that grid's numbers only.
 */
type Board = ActionOutput<'requests', 'dashboard'>
const MINUTE = 60_000
const SHANGHAI = 8 * HOUR
const AT_KANGLE_3 = { point: { lng: 121.4424, lat: 31.1852 } } // 长桥新村1号, 康乐三网格

/** The next Sunday 23:30 in Shanghai at least an hour after `now`: 30 minutes before a Shanghai week begins. */
function nextSundayNight(now: number): number {
  const wall = new Date(now + SHANGHAI)
  const daysToSunday = (7 - wall.getUTCDay()) % 7
  let at = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + daysToSunday, 23, 30) - SHANGHAI
  if (at - now < HOUR) at += 7 * DAY
  return at
}

const counts = Object.keys(RateCountsSchema.shape) as (keyof RateCounts)[]
const sumOf = (rows: { rates: RateCounts }[], k: keyof RateCounts) => rows.reduce((n, row) => n + row.rates[k], 0)

let cloud: TestCloudbase
let sundayNight: RequestDetail
let mondayMorning: RequestDetail
let mondayStarts: number
const board = async (openid: string, scope: { gridId: string } | { communityId: string } | { streetId: string }): Promise<Board> =>
  expectOk(await cloud.call(openid, 'requests', 'dashboard', { scope, period: { from: cloud.clock.now() - 30 * DAY, to: cloud.clock.now() + 1 } }))

beforeAll(async () => {
  cloud = await startTestCloudbase()
  const target = nextSundayNight(cloud.clock.now())
  cloud.clock.advance(target - cloud.clock.now())
  // 23:30 on Sunday in Shanghai: the last week's. Answered at once.
  sundayNight = await fileAs(cloud, P.residentA, { text: '周日夜里楼道灯不亮' })
  expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: sundayNight._id }))
  mondayStarts = target + 30 * MINUTE
  cloud.clock.advance(target + HOUR - cloud.clock.now())
  // 00:30 on Monday in Shanghai, still Sunday (16:30) in UTC: this week's.
  mondayMorning = await fileAs(cloud, P.residentA, { text: '周一凌晨电线冒火花' })
  await fileAs(cloud, P.residentB, { text: '长桥新村1号门口井盖松了', place: AT_KANGLE_3 })
  await fileAs(cloud, P.residentB, { category: 'property', text: '电梯按钮失灵', place: { householdId: HOUSEHOLD_B } })
  cloud.clock.advance(10 * MINUTE)
})
afterAll(() => cloud.close())

describe('the street admin: the street’s total and every community and grid, named', () => {
  let street: Board
  beforeAll(async () => {
    street = await board(P.streetAdmin, { streetId: 'street-hubin' })
  })

  test('three communities and eight grids, those with nothing at all among them', () => {
    expect(street.scopeName).toBe('湖滨街道')
    expect(street.byCommunity.map((c) => c.communityName)).toEqual(['翠湖社区', '康乐社区', '张家村'])
    expect(street.byCommunity.find((c) => c.communityId === 'comm-zhangjia')!.rates).toMatchObject({ dispatched: 0, rated: 0, responseRate: null })
    expect(street.byGrid.map((g) => g.gridName)).toEqual(['翠湖一网格', '翠湖二网格', '康乐一网格', '康乐二网格', '康乐三网格', '康乐四网格', '张家宅网格', '李家宅网格'])
    expect(street.trend.byGrid.map((g) => g.gridName)).toEqual(street.byGrid.map((g) => g.gridName))
  })

  test('the street’s total is the sum of its communities, and of its grids', () => {
    for (const k of counts) {
      expect([k, street.total[k]]).toEqual([k, sumOf(street.byCommunity, k)])
      expect([k, street.total[k]]).toEqual([k, sumOf(street.byGrid, k)])
    }
    expect(street.total.dispatched).toBe(4)
    expect(street.total.respondedOnTime).toBe(1)
  })
})

describe('the weekly chart, by Shanghai weeks', () => {
  test('eight weeks from Monday 00:00 Beijing time; 23:30 Sunday and 00:30 Monday fall in different weeks', async () => {
    const { trend } = await board(P.streetAdmin, { streetId: 'street-hubin' })
    expect(trend.weeks).toHaveLength(8)
    expect(trend.weeks[7].from).toBe(mondayStarts)
    expect(new Date(mondayStarts).toISOString()).toMatch(/T16:00:00\.000Z$/)
    trend.weeks.forEach((week, i) => {
      expect(week.to - week.from).toBe(7 * DAY)
      if (i > 0) expect(week.from).toBe(trend.weeks[i - 1].to)
    })
    const kangle1 = trend.byGrid.find((g) => g.gridId === 'grid-kangle-1')!
    expect(kangle1.filed).toEqual([0, 0, 0, 0, 0, 0, 1, 1])
    expect(trend.byGrid.find((g) => g.gridId === 'grid-kangle-3')!.filed).toEqual([0, 0, 0, 0, 0, 0, 0, 1])
    expect(trend.byGrid.find((g) => g.gridId === 'grid-zhangjia-2')!.filed).toEqual([0, 0, 0, 0, 0, 0, 0, 0])
    // Last week: the one item, answered in time. This week: three dispatched, none yet due for an answer.
    expect(trend.rates[6]).toMatchObject({ dispatched: 1, responseCounted: 1, respondedOnTime: 1, responseRate: 1 })
    expect(trend.rates[7]).toMatchObject({ dispatched: 3, responseCounted: 0, responseRate: null })
    expect(trend.rates.slice(0, 6).every((r) => r.dispatched === 0 && r.responseRate === null)).toBe(true)
    expect([sundayNight.createdAt < mondayStarts, mondayMorning.createdAt >= mondayStarts]).toEqual([true, true])
  })

  test('once the answer time has passed unanswered, this week’s 响应率 counts them', async () => {
    cloud.clock.advance(3 * HOUR)
    const { trend } = await board(P.streetAdmin, { streetId: 'street-hubin' })
    expect(trend.rates[7]).toMatchObject({ dispatched: 3, respondedOnTime: 0 })
    expect(trend.rates[7].responseCounted).toBeGreaterThan(0)
    expect(trend.rates[7].responseRate).toBe(0)
  })
})

describe('a grid worker with two grids: a dashboard per grid, each that grid’s own', () => {
  test('each of his grids is named and answered, the quiet one with zeros; no community row', async () => {
    const first = await board(P.workerKangleA, { gridId: 'grid-kangle-1' })
    const second = await board(P.workerKangleA, { gridId: 'grid-kangle-2' })
    expect([first.scopeName, second.scopeName]).toEqual(['康乐一网格', '康乐二网格'])
    expect(first.byCommunity).toEqual([])
    expect(first.byGrid.map((g) => g.gridId)).toEqual(['grid-kangle-1'])
    expect(first.total.dispatched).toBe(2)
    expect(second.byGrid).toEqual([expect.objectContaining({ gridId: 'grid-kangle-2', gridName: '康乐二网格', rates: expect.objectContaining({ dispatched: 0, responseRate: null }) })])
    expect(second.trend.byGrid).toEqual([{ communityId: 'comm-kangle', gridId: 'grid-kangle-2', gridName: '康乐二网格', filed: [0, 0, 0, 0, 0, 0, 0, 0] }])
    expect(second.overdueTotal).toBe(0)
  })

  test('never another grid’s numbers: 康乐三网格’s item is in none of his answers, and asking for it is refused', async () => {
    const mine = await board(P.workerKangleA, { gridId: 'grid-kangle-1' })
    expect(mine.trend.byGrid.map((g) => g.gridId)).toEqual(['grid-kangle-1'])
    expect(mine.trend.rates[7].dispatched).toBe(1)
    expect(mine.overdue.every((o) => o.gridId === 'grid-kangle-1')).toBe(true)
    expect(await cloud.call(P.workerKangleA, 'requests', 'dashboard', { scope: { gridId: 'grid-kangle-3' }, period: { from: 0, to: 1 } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call(P.workerKangleA, 'requests', 'dashboard', { scope: { communityId: 'comm-kangle' }, period: { from: 0, to: 1 } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('a community’s committee: the community and every one of its grids', () => {
  test('康乐社区 with its four grids, the quiet ones with zeros', async () => {
    const community = await board(P.committeeKangle, { communityId: 'comm-kangle' })
    expect(community.scopeName).toBe('康乐社区')
    expect(community.byCommunity.map((c) => [c.communityName, c.rates.dispatched])).toEqual([['康乐社区', 3]])
    expect(community.byGrid.map((g) => [g.gridName, g.rates.dispatched])).toEqual([['康乐一网格', 2], ['康乐二网格', 0], ['康乐三网格', 1], ['康乐四网格', 0]])
    expect(community.total).toEqual(community.byCommunity[0].rates)
  })
})
