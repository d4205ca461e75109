import { failure, success } from '../../types'
import { openStatuses } from '../shared/core/request/request.machine'
import { canRequest } from '../shared/core/request/request-policy'
import { overdueList, ratesByCommunity, ratesByGrid } from '../shared/core/request/signals'
import { database } from '../shared/runtime/cloudbase'
import { loadDirectory, type Directory } from '../shared/runtime/directory-cache'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { settings } from '../shared/runtime/settings'
import { allRequests } from './request-queries'

/** A street's year is a few thousand items: counted in memory, which CloudBase bills as a few reads. */
const MAX_ITEMS = 20_000

type Scope = { gridId: string } | { communityId: string } | { streetId: string }

/** The territory a scope names, each level above it filled in, and the query that selects its items. */
function territory(directory: Directory, scope: Scope) {
  if ('gridId' in scope) {
    const grid = directory.grids.get(scope.gridId)
    const community = grid && directory.communities.get(grid.communityId)
    return community && { at: { gridId: scope.gridId, communityId: community._id, streetId: community.streetId }, where: { 'route.gridId': scope.gridId } }
  }
  if ('communityId' in scope) {
    const community = directory.communities.get(scope.communityId)
    return community && { at: { gridId: null, communityId: community._id, streetId: community.streetId }, where: { 'route.communityId': community._id } }
  }
  return directory.streets.has(scope.streetId) ? { at: { gridId: null, communityId: null, streetId: scope.streetId }, where: { streetId: scope.streetId } } : undefined
}

/**
 * 响应率, 解决率, 满意率 per grid and community over the period (signals.ts), and what is overdue now.
 * Items touched since the period began cover every dispatch, rating and closing in it; open items
 * cover the overdue list whenever they were last touched.
 */
export const dashboard: ActionHandler<'requests', 'dashboard'> = async ({ scope, period }, { actor, now }) => {
  const directory = await loadDirectory(now)
  const found = territory(directory, scope)
  if (!found) return failure('NOT_FOUND', '没有找到这个网格、社区或街道')
  if (!canRequest(actor, { action: 'request.dashboard', ...found.at })) return failure('FORBIDDEN', '只能查看自己负责范围的看板')
  const _ = database().command
  const items = await allRequests(
    _.and([found.where, _.or([{ updatedAt: _.gte(period.from) }, { status: _.in([...openStatuses]) }])]),
    ['createdAt', 'asc'],
    MAX_ITEMS,
  )
  const communityName = (id: string) => directory.communities.get(id)?.name ?? ''
  return success({
    byGrid: ratesByGrid(items, period, now).map((row) => ({
      ...row,
      gridName: row.gridId ? (directory.grids.get(row.gridId)?.name ?? null) : null,
    })),
    byCommunity: ratesByCommunity(items, period, now).map((row) => ({ ...row, communityName: communityName(row.communityId) })),
    overdue: overdueList(items, now, settings().deadlines),
  })
}
