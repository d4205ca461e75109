import { z } from 'zod'
import { liveClaimStatuses, MAX_LIVE_CLAIMS } from '../shared/core/wish/wish.machine'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { isDuplicateWrite } from '../shared/runtime/database-errors'
import { findMany } from '../shared/runtime/documents'
import { loadWish } from './wish-store'

/**
 * Issue 7: "A member holds at most 3 live claims." Counting the member's claimed wishes at each claim
 * lets two claims sent at the same instant both see 2 and both win. So a claim first takes one of
 * the member's three slots — documents `${memberId}#1`..`#3`, taken by an insert that a taken `_id`
 * refuses — and gives it back if the claim itself does not go through, or when the claim ends.
 */
const ClaimSlot = z.object({ _id: z.string(), memberId: z.string(), wishId: z.string(), at: z.number() })
type ClaimSlot = z.infer<typeof ClaimSlot>

const slots = () => database().collection(Collections.claimSlots)
const slotIds = (memberId: string) => Array.from({ length: MAX_LIVE_CLAIMS }, (_, i) => `${memberId}#${i + 1}`)

/** A free slot for this claim, or null when all three hold live claims. */
export async function takeClaimSlot(memberId: string, wishId: string, now: number): Promise<{ slot: ClaimSlot; heldBefore: number } | null> {
  const taken = await tryTake(memberId, wishId, now)
  if (taken || !(await freeStaleSlots(memberId, now))) return taken
  return tryTake(memberId, wishId, now)
}

async function tryTake(memberId: string, wishId: string, now: number): Promise<{ slot: ClaimSlot; heldBefore: number } | null> {
  const ids = slotIds(memberId)
  for (const [index, _id] of ids.entries()) {
    const slot: ClaimSlot = { _id, memberId, wishId, at: now }
    try {
      await slots().add(slot)
      return { slot, heldBefore: index }
    } catch (error) {
      if (!isDuplicateWrite(error)) throw error
    }
  }
  return null
}

/**
 * A claim in flight holds its slot before its wish says so: only a slot older than any claim can run
 * (a function's timeout is 10 s) is judged by its wish.
 */
const IN_FLIGHT_MS = 60_000

/**
 * A slot whose wish is no longer this member's live claim (a claim ended by a write whose slot
 * release was lost) is given back, so a lost write never locks a member out. Answers whether any was.
 */
async function freeStaleSlots(memberId: string, now: number): Promise<boolean> {
  const held = await findMany(Collections.claimSlots, { memberId }, ClaimSlot, { limit: MAX_LIVE_CLAIMS })
  const stale = await Promise.all(
    held.map(async (slot) => {
      if (now - slot.at < IN_FLIGHT_MS) return false
      const wish = await loadWish(slot.wishId)
      return !wish || wish.claim?.memberId !== memberId || !liveClaimStatuses.includes(wish.status)
    }),
  )
  const freed = held.filter((_, i) => stale[i])
  await Promise.all(freed.map((slot) => slots().where({ _id: slot._id, wishId: slot.wishId }).remove()))
  return freed.length > 0
}

/** The claim this slot was taken for did not go through. Only that slot: the member may already hold this wish in another. */
export async function giveBackSlot(slot: ClaimSlot): Promise<void> {
  await slots().doc(slot._id).remove()
}

/** The member's claim on the wish has ended (released, lapsed, revoked, realised). */
export async function freeClaimSlot(memberId: string, wishId: string): Promise<void> {
  await slots().where({ memberId, wishId }).remove()
}
