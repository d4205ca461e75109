import { z } from 'zod'
import { database } from './cloudbase'
import type { CollectionName } from './collections'
import { isDuplicateWrite } from './database-errors'
import { findMany } from './documents'

/**
 * A cap the database holds: at most `max` live items per holder (3 live claims per member, N open
 * wishes per household). Counting the holder's items at each new one lets two sent at the same
 * instant both see max − 1 and both win; so a new item first takes one of the holder's slots —
 * documents `${holder}#1`..`#max`, taken by an insert that a taken `_id` refuses — and gives it back
 * if the item does not go through, or when the item ends.
 */
export const Slot = z.object({ _id: z.string(), holder: z.string(), itemId: z.string(), at: z.number() })
export type Slot = z.infer<typeof Slot>

/**
 * A write in flight holds its slot before its item says so: only a slot older than any write can
 * run (a function's timeout is 10 s) is judged by its item.
 */
const IN_FLIGHT_MS = 60_000

export type SlotPool = {
  /** A free slot for this item, or null when all `max` hold live items. */
  take(holder: string, itemId: string, max: number, now: number): Promise<{ slot: Slot; heldBefore: number } | null>
  /** The item this slot was taken for did not go through. Only that slot: the holder may hold the item in another. */
  giveBack(slot: Slot): Promise<void>
  /** The holder's item has ended. */
  free(holder: string, itemId: string): Promise<void>
}

/** `stillLive` says whether a slot's item still holds it; a slot whose item has ended (its release lost) is given back, so a lost write never locks anyone out. */
export function slotPool(collection: CollectionName, stillLive: (slot: Slot) => Promise<boolean>): SlotPool {
  const slots = () => database().collection(collection)

  async function tryTake(holder: string, itemId: string, max: number, now: number) {
    for (let index = 0; index < max; index++) {
      const slot: Slot = { _id: `${holder}#${index + 1}`, holder, itemId, at: now }
      try {
        await slots().add(slot)
        return { slot, heldBefore: index }
      } catch (error) {
        if (!isDuplicateWrite(error)) throw error
      }
    }
    return null
  }

  /** Answers whether any slot was freed. */
  async function freeStale(holder: string, max: number, now: number): Promise<boolean> {
    const held = await findMany(collection, { holder }, Slot, { limit: Math.max(max, 10) })
    const stale = await Promise.all(held.map(async (slot) => now - slot.at >= IN_FLIGHT_MS && !(await stillLive(slot))))
    const freed = held.filter((_, i) => stale[i])
    await Promise.all(freed.map((slot) => slots().where({ _id: slot._id, itemId: slot.itemId }).remove()))
    return freed.length > 0
  }

  return {
    async take(holder, itemId, max, now) {
      const taken = await tryTake(holder, itemId, max, now)
      if (taken || !(await freeStale(holder, max, now))) return taken
      return tryTake(holder, itemId, max, now)
    },
    async giveBack(slot) {
      await slots().doc(slot._id).remove()
    },
    async free(holder, itemId) {
      await slots().where({ holder, itemId }).remove()
    },
  }
}
