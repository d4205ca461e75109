import { z } from 'zod'
import { Topic, TopicEvent } from '../../types'
import { Collections } from '../shared/runtime/collections'
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

export const loadTopic = store.load
export const insertTopic = store.insert
export const topicTimeline = store.timeline

/** Written only if nobody wrote since it was read: of a timer's close and a committee's close at once, one lands. */
export async function saveTopic(before: StoredTopic, after: Topic, events: TopicEvent[]): Promise<StoredTopic | null> {
  return store.save(before, toStoredTopic(after, events, before.proofSalt))
}

export const appendTopicEvents = store.appendCommitted
