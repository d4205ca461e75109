import { failure, success, type RequestRates, type WeeklyTrend } from '../../types'
import { lastShanghaiWeeks } from '../../types/calendar'
import { openStatuses } from '../shared/core/request/request.machine'
import { canRequest } from '../shared/core/request/request-policy'
import { noRates, overdueList, overdueStatuses, ratesByCommunity, ratesByGrid, ratesOfAll } from '../shared/core/request/signals'
import { weeklyRates, type GridWeeks } from '../shared/core/request/weekly-trend'
import { database } from '../shared/runtime/cloudbase'
import { loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import { territory, unitsOf } from '../shared/runtime/territory'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { settings } from '../shared/runtime/settings'
import { allRequests, countRequests, rateRows, weeklyRows } from './request-queries'

/**
 * 督办's list holds the most overdue this many, read through the `*_due` indexes (stored inboxDueAt,
 * oldest due time first); `overdueTotal` says how many there are in all, so the cut is never silent.
 */
const OVERDUE_SHOWN = 100

/** The chart's range: two months of weeks, enough to see a trend, few enough to read on a phone. */
const TREND_WEEKS = 8

type GridKey = { communityId: string; gridId: string | null }
const keyOf = (row: GridKey) => `${row.communityId}:${row.gridId ?? ''}`

/**
 * Every grid of the scope, community by community, each with what the database counted for it or the
 * empty value; a community's own queue (no grid) only where it counted something, before its grids.
 */
function everyGrid<T>(grids: ReturnType<typeof unitsOf>['grids'], counted: (GridKey & T)[], empty: T) {
  const byKey = new Map(counted.map((row) => [keyOf(row), row]))
  const queues = counted.filter((row) => row.gridId === null)
  const communityIds = [...new Set([...grids.map((g) => g.communityId), ...queues.map((q) => q.communityId)])]
  return communityIds.flatMap((communityId) => [
    ...queues.filter((q) => q.communityId === communityId).map((q) => ({ ...q, gridName: null })),
    ...grids
      .filter((g) => g.communityId === communityId)
      .map((g) => ({ ...(byKey.get(keyOf({ communityId, gridId: g._id })) ?? empty), communityId, gridId: g._id as string | null, gridName: g.name as string | null })),
  ])
}

/**
 * 响应率, 解决率, 满意率 per grid and community over the period (signals.ts), the street's (or the
 * scope's) total, the same rates week by week for the chart with each grid's new items, and what is
 * overdue now. Every grid and community of the scope is named in the answer, with zeros where nothing
 * happened. Four database requests however many items the territory has: the database counts the
 * rates (one aggregate over items touched since the period began, which covers every dispatch,
 * rating and closing in it, and open items) and the weeks (another, likewise from the first week),
 * reads the most overdue items and counts all of them.
 */
export const dashboard: ActionHandler<'requests', 'dashboard'> = async ({ scope, period }, { actor, now }) => {
  const directory = await loadDirectory(now)
  const found = territory(directory, scope)
  if (!found) return failure('NOT_FOUND', '没有找到这个网格、社区或街道')
  if (!canRequest(actor, { action: 'request.dashboard', ...found.at })) return failure('FORBIDDEN', '只能查看自己负责范围的看板')
  const _ = database().command
  const touchedSince = (from: number) => _.and([found.where, _.or([{ updatedAt: _.gte(from) }, { status: _.in([...openStatuses]) }])])
  const weeks = lastShanghaiWeeks(TREND_WEEKS, now)
  // Overdue exactly when the running clock's due time (stored as inboxDueAt, core/request/inbox.ts) has passed.
  const overdueWhere = { ...found.where, status: _.in([...overdueStatuses]), inboxDueAt: _.lt(now) }
  const [rows, weekly, mostOverdue, overdueTotal] = await Promise.all([
    rateRows(touchedSince(period.from), period, now),
    weeklyRows(touchedSince(weeks[0].from), weeks, now),
    allRequests(overdueWhere, ['inboxDueAt', 'asc'], OVERDUE_SHOWN, 'listed'),
    countRequests(overdueWhere),
  ])
  const units = unitsOf(directory, found.at)
  const communityRates = new Map(ratesByCommunity(rows).map((row) => [row.communityId, row.rates]))
  const trend: WeeklyTrend = {
    weeks,
    rates: weeklyRates(weekly, weeks.length),
    byGrid: everyGrid<Pick<GridWeeks, 'filed'>>(units.grids, weekly, { filed: weeks.map(() => 0) }).map(({ communityId, gridId, gridName, filed }) => ({
      communityId, gridId, gridName, filed,
    })),
  }
  return success({
    scopeName: scopeNameOf(directory, found.at),
    total: ratesOfAll(rows),
    byGrid: everyGrid<{ rates: RequestRates }>(units.grids, ratesByGrid(rows), { rates: noRates }),
    byCommunity: units.communities.map((c) => ({ communityId: c._id, communityName: c.name, rates: communityRates.get(c._id) ?? noRates })),
    overdue: overdueList(mostOverdue, now, settings().deadlines),
    overdueTotal,
    trend,
  })
}

function scopeNameOf(directory: Directory, at: { gridId: string | null; communityId: string | null; streetId: string }): string {
  if (at.gridId) return directory.grids.get(at.gridId)?.name ?? ''
  if (at.communityId) return directory.communities.get(at.communityId)?.name ?? ''
  return directory.streets.get(at.streetId)?.name ?? ''
}
