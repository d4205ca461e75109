import { failure, success } from '../../types'
import { openStatuses } from '../shared/core/request/request.machine'
import { canRequest } from '../shared/core/request/request-policy'
import { overdueList, overdueStatuses, ratesByCommunity, ratesByGrid } from '../shared/core/request/signals'
import { database } from '../shared/runtime/cloudbase'
import { loadDirectory } from '../shared/runtime/directory-cache'
import { territory } from '../shared/runtime/territory'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { settings } from '../shared/runtime/settings'
import { allRequests, countRequests, rateRows } from './request-queries'

/**
 * 督办's list holds the most overdue this many, read through the `*_due` indexes (stored inboxDueAt,
 * oldest due time first); `overdueTotal` says how many there are in all, so the cut is never silent.
 */
const OVERDUE_SHOWN = 100

/**
 * 响应率, 解决率, 满意率 per grid and community over the period (signals.ts), and what is overdue now,
 * in three database requests however many items the territory has: the database counts the rates
 * (one aggregate over items touched since the period began, which covers every dispatch, rating and
 * closing in it, and open items, so a grid with open work has its row), reads the most overdue items
 * and counts all of them.
 */
export const dashboard: ActionHandler<'requests', 'dashboard'> = async ({ scope, period }, { actor, now }) => {
  const directory = await loadDirectory(now)
  const found = territory(directory, scope)
  if (!found) return failure('NOT_FOUND', '没有找到这个网格、社区或街道')
  if (!canRequest(actor, { action: 'request.dashboard', ...found.at })) return failure('FORBIDDEN', '只能查看自己负责范围的看板')
  const _ = database().command
  // Overdue exactly when the running clock's due time (stored as inboxDueAt, core/request/inbox.ts) has passed.
  const overdueWhere = { ...found.where, status: _.in([...overdueStatuses]), inboxDueAt: _.lt(now) }
  const [rows, mostOverdue, overdueTotal] = await Promise.all([
    rateRows(_.and([found.where, _.or([{ updatedAt: _.gte(period.from) }, { status: _.in([...openStatuses]) }])]), period, now),
    allRequests(overdueWhere, ['inboxDueAt', 'asc'], OVERDUE_SHOWN),
    countRequests(overdueWhere),
  ])
  const communityName = (id: string) => directory.communities.get(id)?.name ?? ''
  return success({
    byGrid: ratesByGrid(rows).map((row) => ({
      ...row,
      gridName: row.gridId ? (directory.grids.get(row.gridId)?.name ?? null) : null,
    })),
    byCommunity: ratesByCommunity(rows).map((row) => ({ ...row, communityName: communityName(row.communityId) })),
    overdue: overdueList(mostOverdue, now, settings().deadlines),
    overdueTotal,
  })
}
