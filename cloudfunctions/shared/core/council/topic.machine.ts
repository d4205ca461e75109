import {
  TopicStatus, updateStagesAfter, type Electorate, type FollowStage, type Topic, type TopicAction, type TopicEvent, type TopicRelation, type TopicResult,
} from '../../../../types/council.schema'
import {
  availableIn, invalidPayload, takeStep, type Effect, type EffectContext, type EffectFailure, type Transition as TransitionOf,
  type TransitionActor, type TransitionRefusal,
} from '../transition-table'

export type TopicTransition = TransitionOf<Topic, TopicStatus, TopicRelation>

const system = { system: true } as const
/** Issue 8: the committee of the topic's community runs it; the street for a topic over several communities. */
const runners = { committee: true, streetAdmin: true } as const
/** Issue 8 Close: "the timer closes the window" — and never before it ends, whoever asks. */
const windowOver = (t: Topic, now: number) => now >= t.closesAt
const windowOpen = (t: Topic, now: number) => now >= t.opensAt && now < t.closesAt

/**
 * The topic lifecycle of issue 8, the only door to a new status: deliberating (comments; the window
 * not yet open) → voting → closed (the result stored once) → following (progress updates) → done.
 * A topic is cancelled only before anyone could vote on it.
 */
export const topicTransitions: Record<TopicStatus, Partial<Record<TopicAction, TopicTransition>>> = {
  deliberating: {
    // Issue 8 Deliberation: "议事会 minutes can be added as updates".
    addMinutes: { to: 'deliberating', by: runners },
    openVoting: { to: 'voting', by: system, when: windowOpen },
    cancel: { to: 'cancelled', by: runners },
  },
  voting: {
    addMinutes: { to: 'voting', by: runners },
    close: { to: 'closed', by: { system: true, ...runners }, when: windowOver },
  },
  closed: {
    // Issue 8 Follow-through: "the committee posts progress (planned → in progress → done)".
    postUpdate: { to: 'following', by: runners },
    finish: { to: 'done', by: runners },
  },
  following: {
    postUpdate: { to: 'following', by: runners },
    finish: { to: 'done', by: runners },
  },
  done: {},
  cancelled: {},
}

export const openTopicStatuses: readonly TopicStatus[] = TopicStatus.options.filter((s) => Object.values(topicTransitions[s]).some((t) => t.to !== s))

/** What each action carries besides the topic, the actor and the time. */
export type TopicPayloads = {
  /** 议事会 minutes while the topic is deliberated or voted on: the text, and photos of the signed minutes. */
  addMinutes: { text: string; photos: string[] }
  /** The electorate counted by the use case as voting opens. */
  openVoting: { electorate: Electorate }
  /** The result the close's aggregate produced (council/decision-rules.ts decide, hashed by the runtime). */
  close: { result: TopicResult }
  postUpdate: { stage: FollowStage; text: string; photos: string[] }
  finish: { text: string; photos: string[] }
  cancel: { reason: string }
}

const blank = (text: string) => text.trim() === ''

const effects: { [A in TopicAction]: (t: Topic, p: TopicPayloads[A], ctx: EffectContext) => Effect<Topic> | EffectFailure } = {
  addMinutes: (_t, p) => (blank(p.text) ? invalidPayload('minutes say what the 议事会 discussed') : { changes: {}, note: p.text, details: { photos: p.photos } }),
  openVoting: (_t, p) => ({ changes: { electorate: p.electorate }, details: { units: p.electorate.units } }),
  // Issue 8: "the result … is stored once and then read, never recomputed".
  close: (t, p) => (t.result !== null ? { fail: 'CONFLICT', detail: 'the result is stored already' } : { changes: { result: p.result }, details: { verdict: p.result.verdict } }),
  postUpdate: (t, p) => {
    if (blank(p.text)) return invalidPayload('a progress update says what was done')
    if (p.stage === 'done') return invalidPayload('the last update is finish')
    if (!updateStagesAfter(t.followStage).includes(p.stage)) return invalidPayload(`the follow-through is ${t.followStage} already`)
    return { changes: { followStage: p.stage }, note: p.text, details: { stage: p.stage, photos: p.photos } }
  },
  finish: (_t, p) => (blank(p.text) ? invalidPayload('finishing says what was done') : { changes: { followStage: 'done' }, note: p.text, details: { stage: 'done', photos: p.photos } }),
  cancel: (_t, p) => (blank(p.reason) ? invalidPayload('a cancelled topic says why') : { changes: {}, note: p.reason }),
}

export function availableTopicActions(topic: Topic, relations: readonly TopicRelation[], now: number): TopicAction[] {
  return availableIn(topicTransitions, topic.status, topic, relations, now)
}

export type TopicActor = TransitionActor<TopicRelation>
export const TOPIC_SYSTEM: TopicActor = { id: 'system', relations: ['system'] }
export type TopicTransitionOutcome = { ok: true; topic: Topic; event: TopicEvent } | TransitionRefusal

export function applyTopicTransition<A extends TopicAction>(topic: Topic, action: A, actor: TopicActor, now: number, payload: TopicPayloads[A]): TopicTransitionOutcome {
  const step = takeStep(topicTransitions, effects[action], topic, action, actor, now, payload)
  return step.ok ? { ok: true, topic: step.entity, event: { ...step.event, topicId: topic._id } } : step
}

export type TopicDraft = Omit<Topic, 'status' | 'electorate' | 'result' | 'followStage' | 'createdAt' | 'updatedAt' | 'version'>

/**
 * A topic is born deliberating with the timeline's first event; its window opens at `opensAt` (the
 * timer's openVoting). The window must lie ahead and run forward.
 */
export type NewTopicProblem = 'endsBeforeOpening' | 'endsInPast'

export function newTopic(draft: TopicDraft, now: number): { ok: true; topic: Topic; event: TopicEvent } | { ok: false; problem: NewTopicProblem; detail: string } {
  if (draft.closesAt <= draft.opensAt) return { ok: false, problem: 'endsBeforeOpening', detail: 'the voting window must end after it opens' }
  if (draft.closesAt <= now) return { ok: false, problem: 'endsInPast', detail: 'the voting window must end in the future' }
  const topic: Topic = { ...draft, status: 'deliberating', electorate: null, result: null, followStage: null, createdAt: now, updatedAt: now, version: 0 }
  const event: TopicEvent = { _id: `${draft._id}#0`, topicId: draft._id, seq: 0, at: now, actorId: draft.openedBy, relation: 'committee', action: 'open', from: null, to: 'deliberating' }
  return { ok: true, topic, event }
}
