import { z } from 'zod'
import { Request, RequestEvent } from '../../types'
import { timerDueAt } from '../shared/core/request/deadlines'
import { inboxKeys } from '../shared/core/request/inbox'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { preload, takePreloaded } from '../shared/runtime/invocation'
import { settings } from '../shared/runtime/settings'
import { idempotentId, versionedStore } from '../shared/runtime/versioned-store'

/**
 * A request as stored: the entity, plus what only storage needs. `contactRoom` is the household's room
 * at filing (lists mask it without reading households); `timerDueAt` is when the timer next acts and
 * `inboxDueAt` / `inboxRemindAt` the workbench's order and urgency (core/request/inbox.ts), all
 * indexed; `recentEvents` are the events of the latest write, kept on the document so that a lost
 * event append loses nothing: readers merge them, the next write appends them again.
 * `photoReviewAt` is when a photo of it was judged risky (runtime/photos.ts markForReview): the
 * reviewers' mark, beside the lifecycle; written only there, every other write keeps what it read.
 * `linkedTopicIds` are the 议事厅 topics opened from it (每月一题), added by the council's openTopic
 * and kept by every other write like `photoReviewAt`: a detail reads topics only for a request that
 * has some, not on every step. A request filed before the field existed has none stored: its topics
 * are looked up as before (request-view linkedTopicsOf).
 */
export const StoredRequest = Request.extend({
  contactRoom: z.string().nullable(),
  timerDueAt: z.number().nullable(),
  inboxDueAt: z.number(),
  inboxRemindAt: z.number().nullable(),
  recentEvents: z.array(RequestEvent),
  photoReviewAt: z.number().nullable().default(null),
  linkedTopicIds: z.array(z.string()).optional(),
})
export type StoredRequest = z.infer<typeof StoredRequest>

/** Idempotent filing: the same caller's same key always names the same request. */
export function requestIdFor(callerId: string, idempotencyKey: string): string {
  return idempotentId('req', callerId, idempotencyKey)
}

/** What storage derives from the entity under today's deadline config. */
const derived = (request: Request) => ({ timerDueAt: timerDueAt(request, settings().deadlines), ...inboxKeys(request, settings().deadlines) })

/** What a step of the lifecycle never changes, kept from the version read. */
type Kept = Pick<StoredRequest, 'contactRoom' | 'photoReviewAt' | 'linkedTopicIds'>
const keptOf = ({ contactRoom, photoReviewAt, linkedTopicIds }: StoredRequest): Kept => ({ contactRoom, photoReviewAt, linkedTopicIds })

/** A request as first stored: no photo under review, no topic opened from it yet. */
export const newlyFiled = (contactRoom: string | null): Kept => ({ contactRoom, photoReviewAt: null, linkedTopicIds: [] })

export function toStored(request: Request, events: RequestEvent[], kept: Kept): StoredRequest {
  return { ...request, ...kept, ...derived(request), recentEvents: events }
}

const requests = () => database().collection(Collections.requests)
const store = versionedStore({
  documents: Collections.requests, events: Collections.requestEvents, schema: StoredRequest, eventSchema: RequestEvent, eventKey: 'requestId', name: 'requests',
})

/** Per stored version in hand: its timeline, and the log it is made of (timelineOf). */
const timelines = new WeakMap<StoredRequest, Promise<RequestEvent[]>>()
const logs = new WeakMap<StoredRequest, Promise<RequestEvent[]>>()

const preloadKey = (id: string) => `${Collections.requests}/${id}`
const logKey = (id: string) => `${Collections.requestEvents}/${id}`
/**
 * The request an action names, read beside the caller's record (function-entry preloads), and its
 * event log with it: the log's read needs only the id, and every step reads it (the answer's timeline,
 * a rating's check, which of the previous write's events the log lacks), so it rides in the first
 * round trip instead of beside the update.
 */
export const preloadRequest = ({ requestId }: { requestId: string }) => {
  preload(preloadKey(requestId), () => store.load(requestId))
  preload(logKey(requestId), () => store.readLog(requestId))
}
/** The request alone, for a step that never reads its timeline (a +1). */
export const preloadRequestOnly = ({ requestId }: { requestId: string }) => preload(preloadKey(requestId), () => store.load(requestId))

/**
 * The preloaded request, once, with the log read beside it kept for that version; else a fresh read
 * (a retry after a lost race), whose log is read when it is needed.
 */
export async function loadRequest(id: string): Promise<StoredRequest | null> {
  const preloaded = takePreloaded<StoredRequest | null>(preloadKey(id))
  if (!preloaded) return store.load(id)
  const log = takePreloaded<RequestEvent[]>(logKey(id))
  const stored = await preloaded
  if (stored && log) logs.set(stored, log)
  return stored
}
/** 'exists' when the `_id` is taken: the same filing, retried. */
export const insertRequest = store.insert
export const appendEvents = store.appendEvents
export const appendCommitted = store.appendCommitted

/**
 * A request's timeline, read once per stored version in hand: a rating's check reads it, and the
 * answer after the write is that timeline and the write's events, not a second read.
 */
export function timelineOf(request: StoredRequest): Promise<RequestEvent[]> {
  let timeline = timelines.get(request)
  if (!timeline) {
    const read = store.timelineOf(request, logs.get(request))
    timeline = read.timeline
    timelines.set(request, timeline)
    logs.set(request, read.log)
    timeline.catch(() => {
      timelines.delete(request)
      logs.delete(request)
    })
  }
  return timeline
}

/**
 * Writes a transition's outcome only if nobody wrote since we read (the version matches): of two
 * racing accepts exactly one updates a document, the other gets null and answers CONFLICT. Then the
 * events land, the previous write's too if its append was lost (runtime/versioned-store.ts).
 */
export async function saveTransition(before: StoredRequest, after: Request, events: RequestEvent[]): Promise<StoredRequest | null> {
  return store.save(before, toStored(after, events, keptOf(before)))
}

/** saveTransition, answering once the document is written, its events' append under way (versioned-store write). */
export async function writeTransition(before: StoredRequest, after: Request, events: RequestEvent[]) {
  const written = await store.write(before, toStored(after, events, keptOf(before)), logs.get(before))
  // The version moved by this write alone: its timeline is the log read with the request (or beside
  // the update, after a lost race) and both writes' events, so the answer after it reads the log no more.
  if (written?.timeline) timelines.set(written.saved, Promise.resolve(written.timeline))
  return written
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

