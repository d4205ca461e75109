import { z } from 'zod'
import { RateCounts, type OverdueItem, type Period, type RequestRates } from '../../../../types/request.actions'
import type { Request, RequestStatus } from '../../../../types/request.schema'
import { classify, defaultDeadlineConfig, stageOf, type DeadlineConfig } from './deadlines'
import { openStatuses } from './request.machine'

/**
 * An aggregation expression as plain data: the language of MongoDB's `$group`, which CloudBase's
 * aggregate speaks. The rates are defined in it so that the database counts them where the items
 * are, however many a street has, and a dashboard reads one row per grid instead of every item.
 */
export type Expr = null | boolean | number | string | Expr[] | { [operator: string]: Expr }

const and = (...all: Expr[]): Expr => ({ $and: all })
const not = (expr: Expr): Expr => ({ $not: [expr] })
const is = (path: string, literal: string): Expr => ({ $eq: [`$${path}`, literal] })
/** Neither null nor missing: `$ifNull` first folds a missing field into null, which `$eq` tells apart. */
const isSet = (path: string): Expr => ({ $ne: [{ $ifNull: [`$${path}`, null] }, null] })
/**
 * A comparison of fields (named by path) and numbers, true only when every field in it is set.
 * MongoDB orders null below every number (`null <= 5` holds, and so does the local database, which
 * follows its type order); with the guard the comparison reads as the plain words do.
 */
const compare = (op: '$lt' | '$lte' | '$gte', a: string | number, b: string | number): Expr => {
  const fields = [a, b].filter((x): x is string => typeof x === 'string')
  const operand = (x: string | number): Expr => (typeof x === 'string' ? `$${x}` : x)
  return and(...fields.map(isSet), { [op]: [operand(a), operand(b)] })
}
export const within = (path: string, p: Period): Expr => and(compare('$gte', path, p.from), compare('$lt', path, p.to))

/**
 * The three rates of 接诉即办 考评, over a period [from, to) as of `now`, as the condition on one
 * stored item under which each count takes it:
 *
 * - 响应率 = items answered (accepted, or referred with guidance) by their respond-by / items counted,
 *   over items dispatched in the period. An item still inside its response window, unanswered, is
 *   not counted yet; nor is one its resident withdrew before the window closed (nothing to answer).
 * - 解决率 = items rated 已解决 / items rated, over ratings given in the period. 部分解决 is counted
 *   (`partly`) but is not resolved. A reopened item counts once, by its latest rating.
 * - 满意率 = items rated 满意 or 基本满意 / items rated, over the same ratings.
 * - Items closed unrated (no rating in 7 days) are in no denominator: `closedUnrated` counts them
 *   apart, by closing time, so silence neither helps nor hurts a grid.
 * - 主动治理 items have no resident to answer or to rate them: they are counted (`proactive`, by
 *   filing time) and left out of all three rates.
 */
export function rateConditions(period: Period, now: number): Record<keyof RateCounts, Expr> {
  const proactive = is('filedBy.kind', 'proactive')
  const resident = not(proactive)
  const unanswered = not(isSet('respondedAt'))
  const dispatched = and(resident, isSet('deadlines'), within('dispatchedAt', period))
  const withdrawnInTime = and(unanswered, is('status', 'withdrawn'), compare('$lte', 'closedAt', 'deadlines.respondBy'))
  const stillRunning = and(unanswered, compare('$lte', now, 'deadlines.respondBy'))
  const responseCounted = and(dispatched, not(withdrawnInTime), not(stillRunning))
  const rated = and(resident, within('rating.at', period))
  return {
    dispatched,
    responseCounted,
    respondedOnTime: and(responseCounted, compare('$lte', 'respondedAt', 'deadlines.respondBy')),
    rated,
    resolved: and(rated, is('rating.outcome', 'resolved')),
    partly: and(rated, is('rating.outcome', 'partly')),
    satisfied: and(rated, not(is('rating.satisfaction', 'unsatisfied'))),
    closedUnrated: and(resident, is('status', 'closedUnrated'), within('closedAt', period)),
    proactive: and(proactive, within('createdAt', period)),
  }
}

/** The `$group` stage: a row per grid, the community's own queue (items outside every grid) with gridId null. */
export function rateGroup(period: Period, now: number): { [field: string]: Expr } {
  const sums = Object.entries(rateConditions(period, now)).map(([count, condition]) => [count, { $sum: { $cond: [condition, 1, 0] } }])
  return { _id: { communityId: '$route.communityId', gridId: '$route.gridId' }, ...Object.fromEntries(sums) }
}

/** One row `rateGroup` yields. A missing gridId is the queue's null: engines drop a null key from `_id`. */
export const RateRow = RateCounts.extend({
  _id: z.object({ communityId: z.string(), gridId: z.string().nullish().transform((id) => id ?? null) }),
})
export type RateRow = z.output<typeof RateRow>

const rate = (n: number, d: number) => (d === 0 ? null : n / d)

export function ratesOf(counts: RateCounts): RequestRates {
  return {
    ...counts,
    responseRate: rate(counts.respondedOnTime, counts.responseCounted),
    resolutionRate: rate(counts.resolved, counts.rated),
    satisfactionRate: rate(counts.satisfied, counts.rated),
  }
}

const countsOf = (row: RateCounts): RateCounts =>
  Object.fromEntries(Object.keys(RateCounts.shape).map((k) => [k, row[k as keyof RateCounts]])) as RateCounts
const sum = (a: RateCounts, b: RateCounts): RateCounts =>
  Object.fromEntries(Object.keys(RateCounts.shape).map((k) => [k, a[k as keyof RateCounts] + b[k as keyof RateCounts]])) as RateCounts

type GridKey = { communityId: string; gridId: string | null }

const noCounts = Object.fromEntries(Object.keys(RateCounts.shape).map((k) => [k, 0])) as RateCounts

/** A unit with nothing in the period: every count zero, every rate 暂无 (null). */
export const noRates: RequestRates = ratesOf(noCounts)

/** The whole scope (a street's total): every row summed, the rates taken again from the sums. */
export function ratesOfAll(rows: readonly RateRow[]): RequestRates {
  return ratesOf(rows.reduce((total, row) => sum(total, countsOf(row)), noCounts))
}

/** Per grid, with the community's own queue as the row whose gridId is null. */
export function ratesByGrid(rows: readonly RateRow[]): (GridKey & { rates: RequestRates })[] {
  return rows
    .map((row) => ({ communityId: row._id.communityId, gridId: row._id.gridId, rates: ratesOf(countsOf(row)) }))
    .sort((a, b) => a.communityId.localeCompare(b.communityId) || (a.gridId ?? '').localeCompare(b.gridId ?? ''))
}

/** Per community, its grids and its queue summed: the counts add up, the rates are taken again from them. */
export function ratesByCommunity(rows: readonly RateRow[]): { communityId: string; rates: RequestRates }[] {
  const byCommunity = new Map<string, RateCounts>()
  for (const row of rows) {
    const before = byCommunity.get(row._id.communityId)
    byCommunity.set(row._id.communityId, before ? sum(before, countsOf(row)) : countsOf(row))
  }
  return [...byCommunity.entries()]
    .map(([communityId, counts]) => ({ communityId, rates: ratesOf(counts) }))
    .sort((a, b) => a.communityId.localeCompare(b.communityId))
}

/** The statuses whose clock can run late: answering and resolving. A reply waiting for its rating cannot. */
export const overdueStatuses = (Object.keys(stageOf) as RequestStatus[]).filter((s) => stageOf[s] === 'respond' || stageOf[s] === 'resolve')

/**
 * Open items past their respond-by or resolve-by (督办's list), longest overdue first. A reply
 * waiting for its rating is not overdue: the resident's silence is not the handler's delay.
 */
export function overdueList(requests: readonly Request[], now: number, config: DeadlineConfig = defaultDeadlineConfig): OverdueItem[] {
  const items: OverdueItem[] = []
  for (const r of requests) {
    if (!openStatuses.includes(r.status)) continue
    const c = classify(r, now, config)
    if (!c || c.urgency !== 'overdue' || c.stage === 'rate') continue
    items.push({
      requestId: r._id,
      category: r.category,
      status: r.status,
      communityId: r.route.communityId,
      gridId: r.route.gridId,
      ownerId: r.ownerId,
      stage: c.stage,
      dueAt: c.dueAt,
      overdueMs: now - c.dueAt,
    })
  }
  return items.sort((a, b) => b.overdueMs - a.overdueMs || a.requestId.localeCompare(b.requestId))
}
