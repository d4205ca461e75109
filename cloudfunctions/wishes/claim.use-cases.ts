import { failure } from '../../types'
import { lockUntilOf, wishConfig } from '../shared/core/wish/wish-times'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { freeClaimSlot, giveBackSlot, takeClaimSlot } from './claim-slots'
import { transition } from './transition'

/**
 * One member takes the wish: the write is conditional on the version read, so however many tap at
 * once exactly one wins and the others answer CONFLICT. The lock runs the category's days, never past
 * the needed-by date (wish-times lockUntilOf). The member's cap of 3 live claims is a slot taken
 * first (claim-slots.ts), given back when this claim does not go through.
 */
export const claim: ActionHandler<'wishes', 'claim'> = async (input, ctx) => {
  const memberId = ctx.actor.userId
  const taken = await takeClaimSlot(memberId, input.wishId, ctx.now)
  if (!taken) return failure('CONFLICT', '您手上已有 3 个认领中的心愿，请先完成或放弃一个')
  const result = await transition(input.wishId, ctx, 'claim', (stored) => ({
    lockUntil: lockUntilOf(stored, ctx.now, wishConfig()),
    liveClaims: taken.heldBefore,
  })).catch(async (error: unknown) => {
    await giveBackSlot(taken.slot)
    throw error
  })
  if (!result.ok) await giveBackSlot(taken.slot)
  return result
}

/** The claimer gives the wish back with a reason: it is published again, and their sight of the contact ends. */
export const release: ActionHandler<'wishes', 'release'> = async (input, ctx) => {
  const result = await transition(input.wishId, ctx, 'release', () => ({ reason: input.reason }))
  if (result.ok) await freeClaimSlot(ctx.actor.userId, input.wishId)
  return result
}
