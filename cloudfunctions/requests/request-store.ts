import { createHash } from 'node:crypto'
import { z } from 'zod'
import { Request, RequestEvent } from '../../types'
import { timerDueAt } from '../shared/core/request/deadlines'
import { inboxKeys } from '../shared/core/request/inbox'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { isDuplicateWrite } from '../shared/runtime/database-errors'
import { insertIgnoringDuplicates } from '../shared/runtime/insert-once'
import { settings } from '../shared/runtime/settings'
import { changedFields, plain } from '../shared/runtime/document-changes'

/**
 * A request as stored: the entity, plus what only storage needs. `contactRoom` is the household's room
 * at filing (lists mask it without reading households); `timerDueAt` is when the timer next acts and
 * `inboxDueAt` / `inboxRemindAt` the workbench's order and urgency (core/request/inbox.ts), all
 * indexed; `recentEvents` are the events of the latest write, kept on the document so that a lost
 * event append loses nothing: readers merge them, the next write appends them again.
 * `photoReviewAt` is when a photo of it was judged risky (runtime/photos.ts markForReview): the
 * reviewers' mark, beside the lifecycle; written only there, every other write keeps what it read.
 */
export const StoredRequest = Request.extend({
  contactRoom: z.string().nullable(),
  timerDueAt: z.number().nullable(),
  inboxDueAt: z.number(),
  inboxRemindAt: z.number().nullable(),
  recentEvents: z.array(RequestEvent),
  photoReviewAt: z.number().nullable().default(null),
})
export type StoredRequest = z.infer<typeof StoredRequest>

/** Idempotent filing: the same caller's same key always names the same request. */
export function requestIdFor(callerId: string, idempotencyKey: string): string {
  return `req-${createHash('sha256').update(`${callerId}\n${idempotencyKey}`).digest('hex').slice(0, 32)}`
}

/** What storage derives from the entity under today's deadline config. */
const derived = (request: Request) => ({ timerDueAt: timerDueAt(request, settings().deadlines), ...inboxKeys(request, settings().deadlines) })

export function toStored(request: Request, events: RequestEvent[], contactRoom: string | null, photoReviewAt: number | null = null): StoredRequest {
  return { ...request, contactRoom, ...derived(request), recentEvents: events, photoReviewAt }
}

const requests = () => database().collection(Collections.requests)

export async function loadRequest(id: string): Promise<StoredRequest | null> {
  const { data } = await requests().doc(id).get()
  const doc = (data as unknown[])[0]
  return doc === undefined ? null : StoredRequest.parse(doc)
}

/** 'exists' when the `_id` is taken: the same filing, retried. */
export async function insertRequest(stored: StoredRequest): Promise<'inserted' | 'exists'> {
  try {
    await requests().add(plain(stored))
    return 'inserted'
  } catch (error) {
    if (isDuplicateWrite(error)) return 'exists'
    throw error
  }
}

export async function appendEvents(events: readonly RequestEvent[]): Promise<void> {
  await insertIgnoringDuplicates(database().collection(Collections.requestEvents), events.map(plain))
}

/**
 * Writes a transition's outcome only if nobody wrote since we read (the version matches): of two
 * racing accepts exactly one updates a document, the other gets null and answers CONFLICT. Then the
 * events are appended under their machine-made ids, the previous write's too: if its append was
 * lost, this is where they land (the document keeps only the latest write's), and ids already there
 * are skipped. Once the update is in, the change has happened: a failed append is logged and left to
 * the next write, never answered as a failure the caller would retry into a CONFLICT.
 */
export async function saveTransition(before: StoredRequest, after: Request, events: RequestEvent[]): Promise<StoredRequest | null> {
  const stored = toStored(after, events, before.contactRoom, before.photoReviewAt)
  const result = await requests().where({ _id: before._id, version: before.version }).update(changedFields(before, stored))
  if ((result as { updated?: number }).updated !== 1) return null
  await appendCommitted(after, events, before.recentEvents)
  return stored
}

/**
 * Appends the events of a write that has gone in (a filing's insert, a transition's update), with
 * those of the previous write the timeline still lacks. The change has happened, so a failure here is
 * logged, not answered: the document keeps these events in `recentEvents` and the next write appends
 * them, while the caller gets its answer and the people concerned are told.
 */
export async function appendCommitted(request: Request, events: readonly RequestEvent[], previous: readonly RequestEvent[] = []): Promise<void> {
  try {
    await appendEvents([...(await missingOf(previous)), ...events])
  } catch (error) {
    console.error(`[requests] events of ${request._id} v${request.version} not appended; the next write appends them`, error)
  }
}

/**
 * The previous write's events not in the timeline yet. Nearly always none: one read says so, where a
 * batch insert meeting a duplicate would fall back to one insert per event on every transition.
 */
async function missingOf(previous: readonly RequestEvent[]): Promise<RequestEvent[]> {
  if (previous.length === 0) return []
  const ids = previous.map((e) => e._id)
  const { data } = await database().collection(Collections.requestEvents).where({ _id: database().command.in(ids) }).field({ _id: true }).limit(ids.length).get()
  const present = new Set((data as { _id: string }[]).map((doc) => doc._id))
  return previous.filter((e) => !present.has(e._id))
}

/** What storage derives, again under today's deadline config; not a transition, so the version stays. */
export async function rescheduleTimer(request: StoredRequest): Promise<void> {
  const fresh = derived(request)
  const stale = (Object.keys(fresh) as (keyof typeof fresh)[]).some((key) => fresh[key] !== request[key])
  if (stale) await requests().where({ _id: request._id, version: request.version }).update(fresh)
}

/**
 * The +1 count, kept out of the versioned write so that a neighbour's +1 never makes a handler's
 * accept a CONFLICT. Raised to what request_follows counts, never lowered: racing +1s each land
 * their count and the largest wins, and a count that once failed to land is set right by the next.
 */
export async function raiseFollowers(id: string, counted: number): Promise<void> {
  await requests().doc(id).update({ followers: database().command.max(counted) })
}

