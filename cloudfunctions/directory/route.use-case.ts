import { success, User } from '../../types'
import { dueTimes } from '../shared/core/request/deadlines'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory } from '../shared/runtime/directory-cache'
import { findById } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { locate } from '../shared/runtime/locate-place'
import { settings } from '../shared/runtime/settings'

/** Where an item would go and why: the filing form shows it before the resident submits. */
export const route: ActionHandler<'directory', 'route'> = async (input, { now }) => {
  const located = await locate(input.category, input.target, now)
  if ('ok' in located) return located
  const directory = await loadDirectory(now)
  const decision = located.route
  const due = dueTimes(decision.category, now, settings().deadlines)
  const handler = decision.handlerId ? await findById(Collections.users, decision.handlerId, User) : null
  return success({
    ...decision,
    communityName: directory.communities.get(decision.communityId)?.name ?? '',
    gridName: decision.gridId ? (directory.grids.get(decision.gridId)?.name ?? null) : null,
    branchName: decision.branchId ? (directory.branches.get(decision.branchId)?.name ?? null) : null,
    handlerName: handler?.name ?? null,
    respondBy: due.respondBy,
    resolveBy: due.resolveBy,
  })
}
