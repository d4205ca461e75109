import { failure } from '../../types'
import { isOwnPlace } from '../shared/core/own-place'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { fileRequest, refuseFiling } from './filing'

/** A resident files for themself, at their own place (core/own-place.ts). */
export const file: ActionHandler<'requests', 'file'> = async (input, ctx) => {
  if (!isOwnPlace(input.place, ctx.actor)) {
    return refuseFiling(input.idempotencyKey, ctx, failure('FORBIDDEN', '只能以自己绑定的房屋提诉求；其他地点请在地图上选点'))
  }
  const contactPhone = input.contactPhone ?? ctx.actor.user?.phone
  return fileRequest(
    { ...input, ...(contactPhone !== undefined && { contactPhone }), residentId: ctx.actor.userId, filedBy: { kind: 'resident' } },
    ctx,
  )
}
