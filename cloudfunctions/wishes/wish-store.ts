import { z } from 'zod'
import { Wish, WishEvent } from '../../types'
import { wishTimerDueAt } from '../shared/core/wish/wish-times'
import { Collections } from '../shared/runtime/collections'
import { idempotentId, versionedStore } from '../shared/runtime/versioned-store'

/**
 * A wish as stored: the entity, plus what only storage needs. `contact` is the wisher's name, phone
 * and address as they were at posting (a view masks it, wish-policy wisherContactView), so no detail
 * reads the wisher's user and household again; `timerDueAt` is when the timer next acts
 * (wish-times wishTimerDueAt), indexed for the timer to come; `recentEvents` are the latest write's
 * events, appended again by the next write when their append was lost (as requests keep them).
 */
export const StoredWish = Wish.extend({
  contact: z.object({ name: z.string(), phone: z.string().optional(), address: z.string().optional() }),
  timerDueAt: z.number().nullable(),
  recentEvents: z.array(WishEvent),
})
export type StoredWish = z.infer<typeof StoredWish>

/** Idempotent posting: the same caller's same key always names the same wish. */
export function wishIdFor(callerId: string, idempotencyKey: string): string {
  return idempotentId('wish', callerId, idempotencyKey)
}

export function toStored(wish: Wish, events: WishEvent[], contact: StoredWish['contact']): StoredWish {
  return { ...wish, contact, timerDueAt: wishTimerDueAt(wish), recentEvents: events }
}

const store = versionedStore({
  documents: Collections.wishes, events: Collections.wishEvents, schema: StoredWish, eventSchema: WishEvent, eventKey: 'wishId', name: 'wishes',
})

export const loadWish = store.load
/** 'exists' when the `_id` is taken: the same posting, retried. */
export const insertWish = store.insert
export const appendEvents = store.appendEvents
export const appendCommitted = store.appendCommitted
export const timelineOf = store.timeline

/**
 * Writes a transition's outcome only if nobody wrote since we read (the version matches): of fifty
 * members tapping 认领 at once exactly one updates the document, the others get null and answer
 * CONFLICT. Then the events land, the previous write's too if its append was lost.
 */
export async function saveTransition(before: StoredWish, after: Wish, events: WishEvent[]): Promise<StoredWish | null> {
  return store.save(before, toStored(after, events, before.contact))
}

/** saveTransition, answering once the document is written, its events' append under way (versioned-store write). */
export function writeTransition(before: StoredWish, after: Wish, events: WishEvent[]) {
  return store.write(before, toStored(after, events, before.contact))
}


