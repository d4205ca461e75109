import { failure, success } from '../../types'
import { setWishLimits, wishLimitsOf } from '../shared/runtime/community-settings'
import { loadDirectory } from '../shared/runtime/directory-cache'
import type { ActionHandler, UseCaseContext } from '../shared/runtime/function-entry'

/** The committee's setting, read by its community's staff (the committee and the grid workers of its grids). */
async function mayRead(communityId: string, { actor, now }: UseCaseContext): Promise<boolean> {
  if (actor.communityIds.includes(communityId)) return true
  const directory = await loadDirectory(now)
  return actor.gridIds.some((gridId) => directory.grids.get(gridId)?.communityId === communityId)
}

export const settings: ActionHandler<'wishes', 'settings'> = async ({ communityId }, ctx) => {
  if (!(await mayRead(communityId, ctx))) return failure('FORBIDDEN', '本社区的工作人员才能查看心愿设置')
  return success({ communityId, ...(await wishLimitsOf(communityId, ctx.now)) })
}

/** Issue 7 Post: "Limits a committee can set" — the committee of that community, and only it. */
export const updateSettings: ActionHandler<'wishes', 'updateSettings'> = async ({ communityId, openPerHousehold }, { actor, now }) => {
  if (!actor.communityIds.includes(communityId)) return failure('FORBIDDEN', '只有本社区居委会可以修改心愿设置')
  await setWishLimits(communityId, { openPerHousehold }, actor.userId, now)
  // The limits are what was just written (the only field of them): no read back.
  return success({ communityId, openPerHousehold })
}
