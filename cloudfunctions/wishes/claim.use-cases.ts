import type { ActionHandler } from '../shared/runtime/function-entry'
import { lockUntilOf, wishConfig } from '../shared/core/wish/wish-times'
import { transition } from './transition'
import { liveClaimsOf } from './wish-store'

/**
 * One member takes the wish: the write is conditional on the version read, so however many tap at
 * once exactly one wins and the others answer CONFLICT. The lock runs the category's days, never past
 * the needed-by date (wish-times lockUntilOf); the member's live claims are counted on an index.
 * Two claims by one member on two wishes at the same instant are counted apart, so the cap of 3 can
 * be passed by one in that race: a later slice keeps the count on the member.
 */
export const claim: ActionHandler<'wishes', 'claim'> = async (input, ctx) =>
  transition(input.wishId, ctx, 'claim', async (stored) => ({
    lockUntil: lockUntilOf(stored, ctx.now, wishConfig()),
    liveClaims: await liveClaimsOf(ctx.actor.userId),
  }))

/** The claimer gives the wish back with a reason: it is published again, and their sight of the contact ends. */
export const release: ActionHandler<'wishes', 'release'> = async (input, ctx) =>
  transition(input.wishId, ctx, 'release', () => ({ reason: input.reason }))
