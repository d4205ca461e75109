import type { Wish } from '../../types'
import { openWishStatuses } from '../shared/core/wish/wish.machine'
import { Collections } from '../shared/runtime/collections'
import { slotPool } from '../shared/runtime/slots'
import { readWish } from './wish-store'

/**
 * Issue 7 Post: "open wishes per household (default 2)", held by the database (runtime/slots.ts):
 * posting takes one of the household's slots — or the resident's own, for a wish at a map point —
 * and the wish gives it back when it closes (realised, returned, withdrawn, converted, expired).
 */
export const openWishSlots = slotPool(Collections.openWishSlots, async (slot) => {
  const wish = await readWish(slot.itemId)
  return wish !== null && openWishStatuses.includes(wish.status)
})

export const slotHolderOf = (wish: Pick<Wish, 'place' | 'wisherId'>): string =>
  'householdId' in wish.place ? `household:${wish.place.householdId}` : `resident:${wish.wisherId}`
