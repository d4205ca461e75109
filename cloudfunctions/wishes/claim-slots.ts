import { liveClaimStatuses } from '../shared/core/wish/wish.machine'
import { Collections } from '../shared/runtime/collections'
import { slotPool } from '../shared/runtime/slots'
import { readWish } from './wish-store'

/**
 * Issue 7: "A member holds at most 3 live claims", held by the database (runtime/slots.ts): a claim
 * first takes one of the member's three slots. A slot is still live while its wish is this member's
 * claim in a live status.
 */
export const claimSlots = slotPool(Collections.claimSlots, async (slot) => {
  const wish = await readWish(slot.itemId)
  return wish !== null && wish.claim?.memberId === slot.holder && liveClaimStatuses.includes(wish.status)
})
