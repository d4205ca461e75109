import type { OverdueItem, Period, RequestRates } from '../../../../types/request.actions'
import type { Request } from '../../../../types/request.schema'
import { classify, defaultDeadlineConfig, type DeadlineConfig } from './deadlines'
import { openStatuses } from './request.machine'

const within = (at: number | null | undefined, p: Period) => at !== null && at !== undefined && at >= p.from && at < p.to
const rate = (n: number, d: number) => (d === 0 ? null : n / d)

/**
 * The three rates of 接诉即办 考评, over a period [from, to) as of `now`:
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
export function requestRates(requests: readonly Request[], period: Period, now: number): RequestRates {
  const counts = { dispatched: 0, responseCounted: 0, respondedOnTime: 0, rated: 0, resolved: 0, partly: 0, satisfied: 0, closedUnrated: 0, proactive: 0 }
  for (const r of requests) {
    if (r.filedBy.kind === 'proactive') {
      if (within(r.createdAt, period)) counts.proactive++
      continue
    }
    if (within(r.dispatchedAt, period) && r.deadlines) {
      counts.dispatched++
      const { respondBy } = r.deadlines
      const withdrawnInTime = r.respondedAt === null && r.status === 'withdrawn' && r.closedAt !== null && r.closedAt <= respondBy
      const stillRunning = r.respondedAt === null && now <= respondBy
      if (!withdrawnInTime && !stillRunning) {
        counts.responseCounted++
        if (r.respondedAt !== null && r.respondedAt <= respondBy) counts.respondedOnTime++
      }
    }
    if (r.rating && within(r.rating.at, period)) {
      counts.rated++
      if (r.rating.outcome === 'resolved') counts.resolved++
      if (r.rating.outcome === 'partly') counts.partly++
      if (r.rating.satisfaction !== 'unsatisfied') counts.satisfied++
    }
    if (r.status === 'closedUnrated' && within(r.closedAt, period)) counts.closedUnrated++
  }
  return {
    ...counts,
    responseRate: rate(counts.respondedOnTime, counts.responseCounted),
    resolutionRate: rate(counts.resolved, counts.rated),
    satisfactionRate: rate(counts.satisfied, counts.rated),
  }
}

type GridKey = { communityId: string; gridId: string | null }

/** Per grid, with the community's own queue (items outside every grid) as the row whose gridId is null. */
export function ratesByGrid(requests: readonly Request[], period: Period, now: number): (GridKey & { rates: RequestRates })[] {
  const groups = groupBy(requests, (r) => JSON.stringify([r.route.communityId, r.route.gridId]))
  return [...groups.values()]
    .map((items) => ({ communityId: items[0].route.communityId, gridId: items[0].route.gridId, rates: requestRates(items, period, now) }))
    .sort((a, b) => a.communityId.localeCompare(b.communityId) || (a.gridId ?? '').localeCompare(b.gridId ?? ''))
}

export function ratesByCommunity(requests: readonly Request[], period: Period, now: number): { communityId: string; rates: RequestRates }[] {
  return [...groupBy(requests, (r) => r.route.communityId).entries()]
    .map(([communityId, items]) => ({ communityId, rates: requestRates(items, period, now) }))
    .sort((a, b) => a.communityId.localeCompare(b.communityId))
}

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

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}
