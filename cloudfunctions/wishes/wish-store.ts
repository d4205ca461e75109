import { z } from 'zod'
import { Wish, WishEvent } from '../../types'
import { wishTimerDueAt } from '../shared/core/wish/wish-times'
import { Collections } from '../shared/runtime/collections'
import { preloadable } from '../shared/runtime/invocation'
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

/** The wish an action names, read beside the caller's record (function-entry preloads). */
const byId = preloadable(Collections.wishes, (id) => store.load(id))
export const preloadWish = ({ wishId }: { wishId: string }) => byId.start(wishId)
/** The wish as the action found it: the preloaded read once, else a read now (a retry after a lost race reads fresh). */
export const loadWish = byId.read
/** A read of its own, never the action's preloaded one: a slot's item, judged apart from the action's wish. */
export const readWish = store.load
/** 'exists' when the `_id` is taken: the same posting, retried. */
export const insertWish = store.insert
export const appendEvents = store.appendEvents
export const appendCommitted = store.appendCommitted

/**
 * A wish's timeline, once per stored version in hand: a version this invocation wrote has its
 * timeline from the write itself (the log read beside the update, and both writes' events), a
 * version it inserted has only its own events; any other is read.
 */
const timelines = new WeakMap<StoredWish, Promise<WishEvent[] | null>>()
export async function timelineOf(wish: StoredWish): Promise<WishEvent[]> {
  return (await timelines.get(wish)) ?? store.timeline(wish)
}
/** A wish just inserted: its timeline is the events it was inserted with. */
export function insertedWith(wish: StoredWish): void {
  timelines.set(wish, Promise.resolve([...wish.recentEvents]))
}

/**
 * Writes a transition's outcome only if nobody wrote since we read (the version matches): of fifty
 * members tapping 认领 at once exactly one updates the document, the others get null and answer
 * CONFLICT. Then the events land, the previous write's too if its append was lost
 * (versioned-store write: answered once the document is written, its events' append under way).
 * `stored` is the version it writes, known before the write answers, so that reads of it can go out
 * beside the update; its timeline is the write's (timelineOf), and the timeline of a write that lost
 * is empty (its answer is a CONFLICT, never shown).
 */
export function writeTransition(before: StoredWish, after: Wish, events: WishEvent[]) {
  const stored = toStored(after, events, before.contact)
  const written = store.write(before, stored)
  // Awaited only by an answer; a failed write is answered by the write's own failure. A log that
  // could not be read beside the update (null) is read when the answer asks for it.
  const timeline = written.then((outcome) => (outcome ? outcome.timeline : []), () => [])
  timelines.set(stored, timeline)
  return { stored, written }
}
