import { failure, User } from '../../types'
import { canRequest } from '../shared/core/request/request-policy'
import { Collections } from '../shared/runtime/collections'
import { findById } from '../shared/runtime/documents'
import type { ActionHandler, UseCaseContext } from '../shared/runtime/function-entry'
import { fileRequest } from './filing'
import type { Located } from '../shared/runtime/locate-place'

/** 代办 and 主动治理 are staff's work within their own territory (request-policy: request.fileForOthers). */
const withinTerritory = ({ actor }: UseCaseContext) => (located: Located) =>
  canRequest(actor, { action: 'request.fileForOthers', gridId: located.route.gridId, communityId: located.route.communityId, streetId: located.streetId })
    ? null
    : failure('FORBIDDEN', '只能在自己负责的网格或社区内代办、主动发现')

const isStaff = ({ actor }: UseCaseContext) => actor.gridIds.length + actor.communityIds.length + actor.streetIds.length > 0

/**
 * 代办: for a resident who cannot use the app. They may have no account (then the committee rates on
 * the 回访 call); if they have one, it is theirs to follow and rate like any other.
 */
export const fileOnBehalf: ActionHandler<'requests', 'fileOnBehalf'> = async ({ resident, ...input }, ctx) => {
  if (!isStaff(ctx)) return failure('FORBIDDEN', '代办由网格员或社区工作人员发起')
  if (resident.userId !== undefined && !(await findById(Collections.users, resident.userId, User))) {
    return failure('NOT_FOUND', '没有找到这位居民的账号')
  }
  return fileRequest(
    {
      ...input,
      ...(resident.phone !== undefined && { contactPhone: resident.phone }),
      residentId: resident.userId ?? null,
      filedBy: { kind: 'onBehalf', staffId: ctx.actor.userId, residentName: resident.name },
      authorize: withinTerritory(ctx),
    },
    ctx,
  )
}

/** 主动治理 / 未诉先办: found on patrol, no resident behind it, no one to rate it. */
export const fileProactive: ActionHandler<'requests', 'fileProactive'> = async (input, ctx) => {
  if (!isStaff(ctx)) return failure('FORBIDDEN', '主动发现由网格员或社区工作人员发起')
  return fileRequest({ ...input, residentId: null, filedBy: { kind: 'proactive', staffId: ctx.actor.userId }, authorize: withinTerritory(ctx) }, ctx)
}
