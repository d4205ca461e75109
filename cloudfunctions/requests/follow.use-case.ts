import { failure, success } from '../../types'
import { relationsTo, visibility } from '../shared/core/request/request-policy'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { countFollowers, recordFollow } from './follows'
import { loadRequest, raiseFollowers } from './request-store'
import { byCaller, runSteps } from './transition'

/**
 * +1 on a neighbour's open request instead of filing it again. The follow record comes first and
 * is once per person (a double tap counts once); the count is then what the records say, written
 * beside the versioned fields (request-store raiseFollowers), so a +1 never races a handler's write.
 * A tap whose count failed to land is set right by the next tap, the same person's retry included.
 * The answer is a count: a neighbour never sees the request itself.
 */
export const follow: ActionHandler<'requests', 'follow'> = async ({ requestId }, ctx) => {
  const request = await loadRequest(requestId)
  if (!request || visibility(request, relationsTo(ctx.actor, request)) === 'none') return failure('NOT_FOUND', '没有找到这条诉求')
  // The machine says who may +1 (a neighbour, on an open item); nothing of its outcome is written.
  const allowed = runSteps(request, byCaller('follow', {}), ctx.actor, ctx.now)
  if (!allowed.ok) return allowed
  await recordFollow(requestId, ctx.actor.userId, ctx.now)
  const followers = await countFollowers(requestId)
  await raiseFollowers(requestId, followers)
  return success({ requestId, followers, following: true as const })
}
