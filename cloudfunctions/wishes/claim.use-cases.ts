import { failure, MAX_LIVE_CLAIMS } from '../../types'
import { lockUntilOf } from '../shared/core/wish/wish-times'
import { Collections } from '../shared/runtime/collections'
import type { ActionHandler, PreloadCaller } from '../shared/runtime/function-entry'
import { preload, takePreloaded } from '../shared/runtime/invocation'
import { settings } from '../shared/runtime/settings'
import { claimSlots } from './claim-slots'
import { transition } from './transition'
import { preloadWish } from './wish-store'

const slotKey = (wishId: string) => `${Collections.claimSlots}/${wishId}`

/**
 * The wish, and the member's claim slot (the OPENID is the member's userId), taken beside their
 * record: a write ahead of the rights check (as a filing's allowance is spent ahead), given back on
 * every refusal below exactly as a slot taken after the read would be, and by the invocation when the
 * entry refuses the call first (runtime/invocation.ts), so a refusal keeps nothing and the cap is the
 * same conditional insert. One lost with a crash is freed by the member's next take (claim-slots stillLive).
 */
export function preloadClaim(input: { wishId: string }, { openid, now }: PreloadCaller): void {
  preloadWish(input)
  preload(
    slotKey(input.wishId),
    () => claimSlots.take(openid, input.wishId, MAX_LIVE_CLAIMS, now),
    async (taken) => { if (taken) await claimSlots.giveBack(taken.slot) },
  )
}

/**
 * One member takes the wish: the write is conditional on the version read, so however many tap at
 * once exactly one wins and the others answer CONFLICT. The lock runs the category's days, never past
 * the needed-by date (wish-times lockUntilOf). The member's cap of 3 live claims is a slot taken
 * first (claim-slots.ts), given back when this claim does not go through.
 */
export const claim: ActionHandler<'wishes', 'claim'> = async (input, ctx) => {
  const memberId = ctx.actor.userId
  const taken = await (takePreloaded<Awaited<ReturnType<typeof claimSlots.take>>>(slotKey(input.wishId)) ?? claimSlots.take(memberId, input.wishId, MAX_LIVE_CLAIMS, ctx.now))
  if (!taken) return failure('CONFLICT', `您手上已有 ${MAX_LIVE_CLAIMS} 个认领中的心愿，请先完成或放弃一个`)
  const result = await transition(input.wishId, ctx, 'claim', (stored) => ({
    lockUntil: lockUntilOf(stored, ctx.now, settings().wishes),
    liveClaims: taken.heldBefore,
  })).catch(async (error: unknown) => {
    await claimSlots.giveBack(taken.slot)
    throw error
  })
  if (!result.ok) await claimSlots.giveBack(taken.slot)
  return result
}

/** The claimer gives the wish back with a reason: it is published again, and their sight of the contact ends. */
export const release: ActionHandler<'wishes', 'release'> = (input, ctx) => transition(input.wishId, ctx, 'release', () => ({ reason: input.reason }))

/** The committee takes the claim back with a reason the claimer is told (a claim gone quiet, a fulfilment the check found untrue). */
export const revoke: ActionHandler<'wishes', 'revoke'> = (input, ctx) => transition(input.wishId, ctx, 'revoke', () => ({ reason: input.reason }))
