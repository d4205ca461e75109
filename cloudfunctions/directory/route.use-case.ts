import { failure, Household, success, User } from '../../types'
import { dueTimes } from '../shared/core/request/deadlines'
import { routeRequest } from '../shared/core/route-request'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory } from '../shared/runtime/directory-cache'
import { findById } from '../shared/runtime/documents'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { settings } from '../shared/runtime/settings'

/** Where an item would go and why: the filing form shows it before the resident submits. */
export const route: ActionHandler<'directory', 'route'> = async (input, { now }) => {
  const directory = await loadDirectory(now)
  let index = directory.routing
  if ('householdId' in input.target) {
    const household = await findById(Collections.households, input.target.householdId, Household)
    if (!household) return failure('NOT_FOUND', '没有找到这一户')
    index = { ...index, households: new Map([[household._id, household]]) }
  }
  const outcome = routeRequest(index, input)
  if (!outcome.ok) {
    return outcome.reason === 'OUT_OF_AREA'
      ? failure('OUT_OF_AREA', '这个位置不在本街道的服务范围内')
      : failure('NOT_FOUND', '没有找到这一户所在的楼栋')
  }
  const { decision } = outcome
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
