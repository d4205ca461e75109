import { failure, success } from '../../types'
import { isReviewer, relationsTo, visibility } from '../shared/core/request/request-policy'
import { appendAudit } from '../shared/runtime/audit-log'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { loadRequest } from './request-store'
import { detailOf } from './request-view'

/**
 * The reviewer's answer to a photo the media check judged risky (runtime/photos.ts markForReview):
 * they have looked, the photo stays hidden, and the item leaves their review tab. The mark is cleared
 * only if no newer verdict marked it since the reviewer read it, so a second risky photo still
 * reaches them. Who cleared it is in the audit log; the item's timeline is the resident's story.
 */
export const clearPhotoReview: ActionHandler<'requests', 'clearPhotoReview'> = async ({ requestId }, { actor, now }) => {
  const request = await loadRequest(requestId)
  const relations = request ? relationsTo(actor, request) : []
  if (!request || visibility(request, relations) !== 'full') return failure('NOT_FOUND', '没有找到这条诉求')
  if (!isReviewer(relations)) return failure('FORBIDDEN', '只有社区或街道的审核人员可以处理')
  if (request.photoReviewAt === null) return success(await detailOf(request, actor, now))
  const _ = database().command
  await database().collection(Collections.requests).where({ _id: requestId, photoReviewAt: _.lte(request.photoReviewAt) }).update({ photoReviewAt: null })
  await appendAudit({ actorId: actor.userId, at: now, action: 'photoReview.clear', subject: { collection: Collections.requests, id: requestId }, fields: ['photoReviewAt'] })
  const after = await loadRequest(requestId)
  return success(await detailOf(after ?? request, actor, now))
}
