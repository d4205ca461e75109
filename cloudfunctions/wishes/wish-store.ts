import { createHash } from 'node:crypto'
import { z } from 'zod'
import { Wish, WishEvent } from '../../types'
import { wishTimerDueAt } from '../shared/core/wish/wish-times'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { isDuplicateWrite } from '../shared/runtime/database-errors'
import { insertIgnoringDuplicates } from '../shared/runtime/insert-once'
import { changedFields, plain } from '../shared/runtime/document-changes'

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
  return `wish-${createHash('sha256').update(`${callerId}\n${idempotencyKey}`).digest('hex').slice(0, 32)}`
}

export function toStored(wish: Wish, events: WishEvent[], contact: StoredWish['contact']): StoredWish {
  return { ...wish, contact, timerDueAt: wishTimerDueAt(wish), recentEvents: events }
}

const wishes = () => database().collection(Collections.wishes)

export async function loadWish(id: string): Promise<StoredWish | null> {
  const { data } = await wishes().doc(id).get()
  const doc = (data as unknown[])[0]
  return doc === undefined ? null : StoredWish.parse(doc)
}

/** 'exists' when the `_id` is taken: the same posting, retried. */
export async function insertWish(stored: StoredWish): Promise<'inserted' | 'exists'> {
  try {
    await wishes().add(plain(stored))
    return 'inserted'
  } catch (error) {
    if (isDuplicateWrite(error)) return 'exists'
    throw error
  }
}

export async function appendEvents(events: readonly WishEvent[]): Promise<void> {
  await insertIgnoringDuplicates(database().collection(Collections.wishEvents), events.map(plain))
}

/**
 * Writes a transition's outcome only if nobody wrote since we read (the version matches): of fifty
 * members tapping 认领 at once exactly one updates the document, the others get null and answer
 * CONFLICT. Then the events land, the previous write's too if its append was lost.
 */
export async function saveTransition(before: StoredWish, after: Wish, events: WishEvent[]): Promise<StoredWish | null> {
  const stored = toStored(after, events, before.contact)
  const result = await wishes().where({ _id: before._id, version: before.version }).update(changedFields(before, stored))
  if ((result as { updated?: number }).updated !== 1) return null
  await appendCommitted(after, events, before.recentEvents)
  return stored
}

/** The events of a write that has gone in; a failure is logged and left to the next write, which appends them again. */
export async function appendCommitted(wish: Wish, events: readonly WishEvent[], previous: readonly WishEvent[] = []): Promise<void> {
  try {
    await appendEvents([...(await missingOf(previous)), ...events])
  } catch (error) {
    console.error(`[wishes] events of ${wish._id} v${wish.version} not appended; the next write appends them`, error)
  }
}

async function missingOf(previous: readonly WishEvent[]): Promise<WishEvent[]> {
  if (previous.length === 0) return []
  const ids = previous.map((e) => e._id)
  const { data } = await database().collection(Collections.wishEvents).where({ _id: database().command.in(ids) }).field({ _id: true }).limit(ids.length).get()
  const present = new Set((data as { _id: string }[]).map((doc) => doc._id))
  return previous.filter((e) => !present.has(e._id))
}


