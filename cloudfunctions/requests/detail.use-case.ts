import { failure, success } from '../../types'
import { relationsTo, visibility } from '../shared/core/request/request-policy'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { loadRequest } from './request-store'
import { detailOf } from './request-view'

/**
 * The full item for its resident, its handlers and the staff of its territory; for anyone else it
 * does not exist (a neighbour sees open ones only as duplicates, without text or contact).
 */
export const detail: ActionHandler<'requests', 'detail'> = async ({ requestId }, { actor, now }) => {
  const request = await loadRequest(requestId)
  if (!request || visibility(request, relationsTo(actor, request)) !== 'full') return failure('NOT_FOUND', '没有找到这条诉求')
  return success(await detailOf(request, actor, now))
}
