import { z } from 'zod'
import { Topic, TopicEvent } from '../../types'
import { Collections } from '../shared/runtime/collections'
import { preloadable } from '../shared/runtime/invocation'
import { versionedStore } from '../shared/runtime/versioned-store'

/**
 * A topic as stored: the entity, plus what only storage needs. `proofSalt` makes each unit's hash in
 * the published proof (ballots.ts): without it a household id, guessable from a room number, would name
 * its line and so its vote; no answer ever carries it. `timerDueAt` is when the council timer next acts
 * (the window opening, then closing), indexed; `recentEvents` as every versioned store keeps them.
 */
export const StoredTopic = Topic.extend({
  proofSalt: z.string().regex(/^[0-9a-f]{64}$/),
  timerDueAt: z.number().nullable(),
  recentEvents: z.array(TopicEvent),
})
export type StoredTopic = z.infer<typeof StoredTopic>

export const topicTimerDueAt = (topic: Pick<Topic, 'status' | 'opensAt' | 'closesAt'>): number | null =>
  topic.status === 'deliberating' ? topic.opensAt : topic.status === 'voting' ? topic.closesAt : null

export function toStoredTopic(topic: Topic, events: TopicEvent[], proofSalt: string): StoredTopic {
  return { ...topic, proofSalt, timerDueAt: topicTimerDueAt(topic), recentEvents: events }
}

const store = versionedStore({
  documents: Collections.topics, events: Collections.topicEvents, schema: StoredTopic, eventSchema: TopicEvent, eventKey: 'topicId', name: 'council',
})

const byId = preloadable(Collections.topics, (id) => store.load(id))
export const preloadTopicById = byId.start
/** The topic an action names, read beside the caller's record (function-entry preloads). */
export const preloadTopic = ({ topicId }: { topicId: string }) => preloadTopicById(topicId)
/** The topic as stored now; a second load in the same invocation (a retry after a lost race) reads fresh. */
export const loadTopic = byId.read
export const insertTopic = store.insert
export const topicTimeline = store.timeline

/**
 * What never changes once a topic is open — its communities, scope, title, options, rule, unit, proof
 * salt, window, and the electorate once fixed — so a warm instance reads each topic once for the
 * steps that need only these (a vote, a hide, an assisted ballot's check). Its status, result and
 * follow-through are never read from here.
 */
const TERMS_TTL_MS = 5 * 60_000
const terms = new Map<string, { at: number; topic: Promise<StoredTopic | null> }>()
export async function topicTermsOf(topicId: string, now: number): Promise<StoredTopic | null> {
  const hit = terms.get(topicId)
  const cached = hit && now - hit.at <= TERMS_TTL_MS ? await hit.topic : undefined
  // Before its window opened the electorate was not fixed yet: read again until it is.
  if (cached?.electorate) return cached
  const topic = loadTopic(topicId)
  terms.set(topicId, { at: now, topic })
  const forget = () => {
    if (terms.get(topicId)?.topic === topic) terms.delete(topicId)
  }
  topic.then((found) => found ?? forget()).catch(forget)
  return topic
}

/** Written only if nobody wrote since it was read: of a timer's close and a committee's close at once, one lands. */
export async function saveTopic(before: StoredTopic, after: Topic, events: TopicEvent[]): Promise<StoredTopic | null> {
  return store.save(before, toStoredTopic(after, events, before.proofSalt))
}

/**
 * saveTopic, answering once the topic is written: `appended` its events' append still under way, to
 * be awaited beside whatever else follows the write (its notices, the answer's reads), and `timeline`
 * the topic's whole timeline after it (runtime/versioned-store.ts write), so the answer reads no log.
 */
export function writeTopic(before: StoredTopic, after: Topic, events: TopicEvent[], logRead?: Promise<TopicEvent[]>) {
  return store.write(before, toStoredTopic(after, events, before.proofSalt), logRead)
}

export const appendTopicEvents = store.appendCommitted
/** The events of a topic just inserted, appended; fails when the append does (the document keeps them, the next write appends them). */
export const appendNewTopicEvents = store.appendEvents
