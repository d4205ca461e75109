import { createHash } from 'node:crypto'
import { z } from 'zod'
import { Request, RequestEvent } from '../../types'
import { timerDueAt } from '../shared/core/request/deadlines'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { isDuplicateWrite } from '../shared/runtime/database-errors'
import { insertIgnoringDuplicates } from '../shared/runtime/insert-once'
import { settings } from '../shared/runtime/settings'

/**
 * A request as stored: the entity, plus what only storage needs. `contactRoom` is the household's room
 * at filing (lists mask it without reading households); `timerDueAt` is when the timer next acts
 * (indexed); `recentEvents` are the events of the latest write, kept on the document so that a crash
 * between the write and the event append loses nothing: readers merge them, a retry re-appends them.
 */
export const StoredRequest = Request.extend({
  contactRoom: z.string().nullable(),
  timerDueAt: z.number().nullable(),
  recentEvents: z.array(RequestEvent),
})
export type StoredRequest = z.infer<typeof StoredRequest>

/** Idempotent filing: the same caller's same key always names the same request. */
export function requestIdFor(callerId: string, idempotencyKey: string): string {
  return `req-${createHash('sha256').update(`${callerId}\n${idempotencyKey}`).digest('hex').slice(0, 32)}`
}

export function toStored(request: Request, events: RequestEvent[], contactRoom: string | null): StoredRequest {
  return { ...request, contactRoom, timerDueAt: timerDueAt(request, settings().deadlines), recentEvents: events }
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
 * events are appended under their machine-made ids.
 */
export async function saveTransition(before: StoredRequest, after: Request, events: RequestEvent[]): Promise<StoredRequest | null> {
  const stored = toStored(after, events, before.contactRoom)
  const result = await requests().where({ _id: before._id, version: before.version }).update(changes(before, stored))
  if ((result as { updated?: number }).updated !== 1) return null
  await appendEvents(events)
  return stored
}

/** A new `timerDueAt` under today's deadline config; not a transition, so the version stays. */
export async function rescheduleTimer(request: StoredRequest): Promise<void> {
  const due = timerDueAt(request, settings().deadlines)
  if (due !== request.timerDueAt) await requests().where({ _id: request._id, version: request.version }).update({ timerDueAt: due })
}

/**
 * The top-level fields that changed. Objects and arrays are replaced whole with `_.set`: a plain
 * object given to update() is merged key by key, which would keep a key the new value dropped.
 */
function changes(before: StoredRequest, after: StoredRequest): Record<string, unknown> {
  const _ = database().command
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(plain(after))) {
    if (JSON.stringify(value) === JSON.stringify((before as Record<string, unknown>)[key])) continue
    out[key] = value !== null && typeof value === 'object' ? _.set(value) : value
  }
  for (const key of Object.keys(before)) if (!(key in after) || (after as Record<string, unknown>)[key] === undefined) out[key] = _.remove()
  return out
}

/** What the database stores: JSON data, with no `undefined` left for the SDK to serialise. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

export type RequestQuery = { orderBy: [string, 'asc' | 'desc']; offset?: number; limit: number }

/** One page of requests; callers pass the query, this keeps the collection and the schema in one place. */
export async function queryRequests(where: object, query: RequestQuery): Promise<StoredRequest[]> {
  let request = requests().where(where).orderBy(query.orderBy[0], query.orderBy[1])
  if (query.offset) request = request.skip(query.offset)
  const { data } = await request.limit(query.limit).get()
  return (data as unknown[]).map((doc) => StoredRequest.parse(doc))
}

/** Every request matching, paged through (CloudBase answers at most 1000 a call), up to `max`. */
export async function allRequests(where: object, orderBy: [string, 'asc' | 'desc'], max: number): Promise<StoredRequest[]> {
  const found: StoredRequest[] = []
  while (found.length < max) {
    const limit = Math.min(1000, max - found.length)
    const page = await queryRequests(where, { orderBy, offset: found.length, limit })
    found.push(...page)
    if (page.length < limit) break
  }
  return found
}
