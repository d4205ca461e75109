import { success } from '../../types'
import { onDutyWorker } from '../shared/core/category-matrix'
import { loadDirectory } from '../shared/runtime/directory-cache'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { staffLines } from '../shared/runtime/work-phones'
import { findHouseholdView } from './household-view'

/**
 * Who a resident rings from 首页: the worker on duty for their household's grid (the one new requests
 * go to, category-matrix onDutyWorker) and their community's hotline — work numbers only
 * (runtime/work-phones never reads a personal phone). Nothing bound, nothing to name.
 */
export const homeContacts: ActionHandler<'directory', 'homeContacts'> = async (_input, { actor, now }) => {
  const directory = await loadDirectory(now)
  const householdId = actor.user?.householdId
  const household = householdId ? await findHouseholdView(directory, householdId) : null
  if (!household) return success({ community: null, gridWorker: null })
  const community = directory.communities.get(household.communityId)
  const grid = directory.grids.get(household.gridId)
  const workerId = grid ? onDutyWorker(grid) : null
  const worker = workerId ? (await staffLines([workerId])).get(workerId) : undefined
  return success({
    community: { name: household.communityName, hotline: community?.hotline ?? null },
    gridWorker: worker ? { name: worker.name, gridName: household.gridName, workPhone: worker.workPhone ?? null } : null,
  })
}
