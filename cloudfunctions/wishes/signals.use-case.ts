import { failure, success } from '../../types'
import { canRequest } from '../shared/core/request/request-policy'
import { signalsBy, wishSignals } from '../shared/core/wish/wish-signals'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory } from '../shared/runtime/directory-cache'
import { findMany } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { territory } from '../shared/runtime/territory'
import { StoredWish } from './wish-store'

/** A street posts a few hundred wishes a month; past this the figures would be cut, and say nothing true. */
const WISHES_READ = 5000

/**
 * Issue 7 Signals, beside the dashboard's three rates and under the same rule (a dashboard is as wide
 * as its scope: request-policy request.dashboard): the wishes posted in the period, per grid branch
 * and per grid of the scope — every one of them, named, with zeros where nothing was posted.
 */
export const signals: ActionHandler<'wishes', 'signals'> = async ({ scope, period }, { actor, now }) => {
  const directory = await loadDirectory(now)
  const found = territory(directory, scope)
  if (!found) return failure('NOT_FOUND', '没有找到这个网格、社区或街道')
  if (!canRequest(actor, { action: 'request.dashboard', ...found.at })) return failure('FORBIDDEN', '只能查看自己负责范围的看板')
  const _ = database().command
  const wishes = await findMany(Collections.wishes, { ...found.where, createdAt: _.gte(period.from).and(_.lt(period.to)) }, StoredWish, { limit: WISHES_READ })
  if (wishes.length === WISHES_READ) console.warn(`[wishes.signals] ${WISHES_READ} wishes read: the figures may be cut`)
  const communityOf = (gridCommunity: string) => found.at.communityId === null || gridCommunity === found.at.communityId
  const grids = [...directory.grids.values()]
    .filter((g) => (found.at.gridId ? g._id === found.at.gridId : communityOf(g.communityId) && directory.communities.get(g.communityId)?.streetId === found.at.streetId))
    .sort((a, b) => a._id.localeCompare(b._id))
  const gridIds = grids.map((g) => g._id)
  const branchIds = [...new Set(grids.map((g) => g.branchId))]
  const byGrid = signalsBy(wishes, gridIds, (w) => w.route.gridId)
  const byBranch = signalsBy(wishes, branchIds, (w) => w.route.branchId)
  return success({
    totals: wishSignals(wishes),
    byBranch: branchIds.map((id) => ({ branchId: id, branchName: directory.branches.get(id)?.name ?? id, signals: byBranch.get(id)! })),
    byGrid: grids.map((g) => ({ gridId: g._id, gridName: g.name, signals: byGrid.get(g._id)! })),
  })
}
