import { failure } from '../../types'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { fileRequest } from './filing'

/**
 * A resident files for themself: at their bound household, or at a point on the map. Another
 * household's door is not theirs to file at (its room would become their contact detail).
 */
export const file: ActionHandler<'requests', 'file'> = async (input, ctx) => {
  if ('householdId' in input.place && input.place.householdId !== ctx.actor.user?.householdId) {
    return failure('FORBIDDEN', '只能以自己绑定的房屋提诉求；其他地点请在地图上选点')
  }
  const contactPhone = input.contactPhone ?? ctx.actor.user?.phone
  return fileRequest(
    { ...input, ...(contactPhone !== undefined && { contactPhone }), residentId: ctx.actor.userId, filedBy: { kind: 'resident' } },
    ctx,
  )
}
