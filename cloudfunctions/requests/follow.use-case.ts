import { failure, success } from '../../types'
import { relationsTo, visibility } from '../shared/core/request/request-policy'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { recordFollow } from './follows'
import { loadRequest } from './request-store'
import { byCaller, commit, runSteps } from './transition'

/**
 * +1 on a neighbour's open request instead of filing it again. Once per person: the follow's `_id` is
 * recorded before the count moves, so a double tap counts once. Racing +1s commute, so a lost race is
 * retried. The answer is a count: a neighbour never sees the request itself.
 */
export const follow: ActionHandler<'requests', 'follow'> = async ({ requestId }, ctx) => {
  const request = await loadRequest(requestId)
  if (!request || visibility(request, relationsTo(ctx.actor, request)) === 'none') return failure('NOT_FOUND', '没有找到这条诉求')
  // The machine says who may +1 (a neighbour, on an open item): asked before anything is recorded.
  const allowed = runSteps(request, byCaller('follow', {}), ctx.actor, ctx.now)
  if (!allowed.ok) return allowed
  if ((await recordFollow(requestId, ctx.actor.userId, ctx.now)) === 'again') {
    return success({ requestId, followers: request.followers, following: true as const })
  }
  const counted = await commit(requestId, ctx, () => byCaller('follow', {}), { retries: 5 })
  if (!counted.ok) return counted
  return success({ requestId, followers: counted.data.stored.followers, following: true as const })
}
