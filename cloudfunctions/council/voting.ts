import { decide, type Tally } from '../shared/core/council/decision-rules'
import { tallyOf } from '../shared/core/council/ballot-proof'
import { applyTopicTransition, type TopicActor } from '../shared/core/council/topic.machine'
import { optionKeys, ownersOnly, type TopicResult } from '../../types'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory } from '../shared/runtime/directory-cache'
import { countedBallots, createBallots, proofHash, tallyByAggregate } from './ballots'
import { electorateOf } from './electorate'
import { notifyTopic } from './notify'
import { saveTopic, type StoredTopic } from './topic-store'

export type StepOutcome = { ok: true; topic: StoredTopic } | { ok: false; reason: 'refused' | 'conflict'; detail: string }

/**
 * Voting opens (issue 8: "The electorate is fixed when voting opens and its size shown"): one empty
 * ballot per unit of the scope as it stands now, then the topic says so. A household bound later has
 * no ballot, so it cannot vote on this topic. The size stored is the ballots' own count, so the
 * electorate and the ballots never disagree.
 */
export async function openVoting(topic: StoredTopic, actor: TopicActor, now: number): Promise<StepOutcome> {
  const { voters, ownerArea } = await electorateOf(await loadDirectory(now), topic.scope, topic.unit, topic.rule)
  await createBallots(topic, voters)
  const units = ((await database().collection(Collections.ballots).where({ topicId: topic._id }).count()) as { total: number }).total
  const outcome = applyTopicTransition(topic, 'openVoting', actor, now, { electorate: { units, ...(ownerArea !== undefined && { ownerArea }), fixedAt: now } })
  if (!outcome.ok) return { ok: false, reason: 'refused', detail: outcome.detail }
  const saved = await saveTopic(topic, outcome.topic, [outcome.event])
  return saved ? { ok: true, topic: saved } : { ok: false, reason: 'conflict', detail: 'the topic changed meanwhile' }
}

/**
 * The close (issue 8): one aggregate tallies; the cast ballots are read in proof order for the hash
 * and checked against it (after the window no ballot can change, so they agree, or nothing is stored);
 * the rule decides; the result is stored once and only read from then on.
 */
export async function closeVoting(topic: StoredTopic, actor: TopicActor, now: number): Promise<StepOutcome> {
  if (!topic.electorate) return { ok: false, reason: 'refused', detail: 'voting never opened' }
  const [aggregate, counted] = await Promise.all([tallyByAggregate(topic._id, topic.options), countedBallots(topic._id)])
  const electorate = { units: topic.electorate.units, ...(topic.electorate.ownerArea !== undefined && { ownerArea: topic.electorate.ownerArea }) }
  const reference = tallyOf(counted, electorate)
  const counts = Object.fromEntries(optionKeys(topic.options).map((key) => [key, aggregate.counts[key] ?? 0]))
  const mismatch = optionKeys(topic.options).find((key) => counts[key] !== (reference.counts[key] ?? 0))
  if (mismatch) throw new Error(`tally of ${topic._id}: the aggregate and the ballots disagree on ${mismatch}`)
  const owners = ownersOnly(topic.rule) && reference.owners
    ? { ...reference.owners, votedArea: Object.values(aggregate.areaByOption).reduce((a, b) => a + b, 0), yesArea: aggregate.areaByOption.yes ?? 0 }
    : undefined
  const tally: Tally = { eligibleUnits: electorate.units, votedUnits: counted.length, counts, ...(owners && { owners }) }
  const decision = decide(topic.options, topic.rule, topic.quorumPercent, tally)
  const result: TopicResult = {
    counts, eligibleUnits: tally.eligibleUnits, votedUnits: tally.votedUnits, quorumMet: decision.quorumMet, verdict: decision.verdict,
    adopted: decision.adopted, ...(owners && { owners }), ballotsHash: proofHash(counted), closedAt: now,
  }
  const outcome = applyTopicTransition(topic, 'close', actor, now, { result })
  if (!outcome.ok) return { ok: false, reason: 'refused', detail: outcome.detail }
  const saved = await saveTopic(topic, outcome.topic, [outcome.event])
  if (!saved) return { ok: false, reason: 'conflict', detail: 'the topic changed meanwhile' }
  await notifyTopic([outcome.event], saved, now)
  return { ok: true, topic: saved }
}
