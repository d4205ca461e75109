import { z } from 'zod'
import { Request, RequestEvent, RequestSummary } from '../../types'
import { timerDueAt } from '../shared/core/request/deadlines'
import { inboxKeys } from '../shared/core/request/inbox'
import { lastStepShownToResident } from '../shared/core/request/staff-notes'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { preloadable } from '../shared/runtime/invocation'
import { settings } from '../shared/runtime/settings'
import { idempotentId, versionedStore } from '../shared/runtime/versioned-store'

/**
 * A request as stored: the entity, plus what only storage needs. `contactRoom` is the household's room
 * at filing (lists mask it without reading households); `timerDueAt` is when the timer next acts and
 * `inboxDueAt` / `inboxRemindAt` the workbench's order and urgency (core/request/inbox.ts), all
 * indexed; `timeline` is every event so far, appended by the very update that makes each step, and
 * `recentEvents` the latest write's alone (a list's latest line, without the whole timeline: lists
 * leave `timeline` out, request-queries). A request stored before the timeline was kept on it has
 * none: its events are in the request_events log, the latest write's perhaps only in `recentEvents`;
 * its next write stores them all on it (writeTransition).
 * `photoReviewAt` is when a photo of it was judged risky (runtime/photos.ts markForReview): the
 * reviewers' mark, beside the lifecycle; written only there, every other write keeps what it read.
 * `linkedTopicIds` are the 议事厅 topics opened from it (每月一题), added by the council's openTopic
 * and kept by every other write like `photoReviewAt`: a detail reads topics only for a request that
 * has some, not on every step. A request filed before the field existed has none stored: its topics
 * are looked up as before (request-view linkedTopicsOf).
 * `residentLatest` is the last step the resident may see (not an internal note): their list's latest
 * line, which `recentEvents` alone cannot give when the latest write was a note for staff.
 */
export const StoredRequest = Request.extend({
  contactRoom: z.string().nullable(),
  timerDueAt: z.number().nullable(),
  inboxDueAt: z.number(),
  inboxRemindAt: z.number().nullable(),
  recentEvents: z.array(RequestEvent),
  timeline: z.array(RequestEvent).optional(),
  photoReviewAt: z.number().nullable().default(null),
  linkedTopicIds: z.array(z.string()).optional(),
  residentLatest: RequestSummary.shape.latest.optional(),
})
export type StoredRequest = z.infer<typeof StoredRequest>

/** Idempotent filing: the same caller's same key always names the same request. */
export function requestIdFor(callerId: string, idempotencyKey: string): string {
  return idempotentId('req', callerId, idempotencyKey)
}

/** What storage derives from the entity under today's deadline config. */
const derived = (request: Request) => ({ timerDueAt: timerDueAt(request, settings().deadlines), ...inboxKeys(request, settings().deadlines) })

/** What a step of the lifecycle never changes, kept from the version read; and the resident's latest step, until a step they see. */
type Kept = Pick<StoredRequest, 'contactRoom' | 'photoReviewAt' | 'linkedTopicIds'> & { residentLatest: RequestSummary['latest'] }
const keptOf = (request: StoredRequest): Kept => {
  const { contactRoom, photoReviewAt, linkedTopicIds } = request
  return { contactRoom, photoReviewAt, linkedTopicIds, residentLatest: residentLatestOf(request) }
}

/** A step as a list's latest line names it. */
export const latestStep = (event: RequestEvent | undefined): RequestSummary['latest'] => (event ? { action: event.action, at: event.at, to: event.to } : null)

/**
 * The last step the resident saw: the one stored, or their latest write's, whichever is later — a
 * function still on older code during a deploy (or before the field existed) writes steps without
 * the field, leaving an earlier one stored.
 */
export function residentLatestOf({ residentLatest, recentEvents }: Pick<StoredRequest, 'residentLatest' | 'recentEvents'>): RequestSummary['latest'] {
  const written = latestStep(lastStepShownToResident(recentEvents))
  if (!residentLatest) return written
  return written && written.at >= residentLatest.at ? written : residentLatest
}

/** A request as first stored: no photo under review, no topic opened from it yet. */
export const newlyFiled = (contactRoom: string | null): Kept => ({ contactRoom, photoReviewAt: null, linkedTopicIds: [], residentLatest: null })

/** A step's outcome as stored; its timeline is the store's to extend (writeTransition). */
export function toStored(request: Request, events: RequestEvent[], kept: Kept): StoredRequest {
  const shown = lastStepShownToResident(events)
  return { ...request, ...kept, ...(shown && { residentLatest: latestStep(shown) }), ...derived(request), recentEvents: events }
}

/** A request as first stored: its first events are its whole timeline. */
export const toFiled = (request: Request, events: RequestEvent[], contactRoom: string | null): StoredRequest =>
  ({ ...toStored(request, events, newlyFiled(contactRoom)), timeline: events })

const requests = () => database().collection(Collections.requests)
// request_events stays declared (collections.ts) for the requests stored before their timeline moved
// onto the document: their log is read once, on their next write, and nothing is inserted there any more.
const store = versionedStore({
  documents: Collections.requests, events: Collections.requestEvents, schema: StoredRequest, eventSchema: RequestEvent, eventKey: 'requestId', name: 'requests', timelineOnDocument: true,
})

/** A request stored before its timeline was on it: its log merged, read once per stored version in hand. */
const timelines = new WeakMap<StoredRequest, Promise<RequestEvent[]>>()

const byId = preloadable(Collections.requests, (id) => store.load(id))
/** The request an action names, read beside the caller's record (function-entry preloads): its timeline comes with it. */
export const preloadRequest = ({ requestId }: { requestId: string }) => byId.start(requestId)
/** The preloaded request, once; else a fresh read (a retry after a lost race). */
export const loadRequest = byId.read
/** 'exists' when the `_id` is taken: the same filing, retried. */
export const insertRequest = store.insert

/**
 * A request's timeline: the one on its document (with its latest write's events, which a function
 * still on older code during a deploy keeps only there and in the log). A request stored before the
 * timeline was kept there has none: its log and latest write's events, read once per version in hand
 * (a rating's check and the write after it share the read), until its next write stores them whole.
 */
export function timelineOf(request: StoredRequest): Promise<RequestEvent[]> {
  let timeline = timelines.get(request)
  if (!timeline) {
    timeline = store.timeline(request)
    timelines.set(request, timeline)
    timeline.catch(() => timelines.delete(request))
  }
  return timeline
}

/**
 * Writes a transition's outcome only if nobody wrote since we read (the version matches): of two
 * racing accepts exactly one updates a document, the other gets null and answers CONFLICT. Its
 * events go onto the document's timeline in that same update (versioned-store writeWithTimeline):
 * no step is ever in without them.
 */
export async function writeTransition(before: StoredRequest, after: Request, events: RequestEvent[]): Promise<StoredRequest | null> {
  return store.writeWithTimeline(before, toStored(after, events, keptOf(before)), before.timeline ? undefined : timelineOf(before))
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

