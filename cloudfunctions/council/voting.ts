import { decide, type Tally } from '../shared/core/council/decision-rules'
import { tallyOf } from '../shared/core/council/ballot-proof'
import { applyTopicTransition, type TopicActor } from '../shared/core/council/topic.machine'
import { optionKeys, ownersOnly, type TopicEvent, type TopicResult } from '../../types'
import { database } from '../shared/runtime/cloudbase'
import { Collections } from '../shared/runtime/collections'
import { loadDirectory } from '../shared/runtime/directory-cache'
import { countedBallots, createBallots, proofHash, tallyByAggregate } from './ballots'
import { electorateOf } from './electorate'
import { topicNotices } from './notify'
import { writeTopic, type StoredTopic } from './topic-store'

/**
 * A step written, and what follows the write still under way (`settled`: its events' append and its
 * notices, neither of which fails), for a caller to await beside the answer's own reads.
 */
export type WrittenStep = { ok: true; topic: StoredTopic; timeline: TopicEvent[] | null; settled: Promise<void> } | { ok: false; reason: 'refused' | 'conflict'; detail: string }

/**
 * Voting opens (issue 8: "The electorate is fixed when voting opens and its size shown"): one empty
 * ballot per unit of the scope as it stands now, then the topic says so. A household bound later has
 * no ballot, so it cannot vote on this topic. The size stored is the ballots' own count, so the
 * electorate and the ballots never disagree (a retried or racing opening may have made some).
 * `prepared`: the electorate, when the caller started reading it beside earlier work, and the log as
 * the caller knows it (an opening right after the topic's insert: its first event, once appended).
 * `alone`: no other opening can run (the topic was just inserted by this call, the timer held off
 * by its lease, topics.use-cases openTopicFrom): when every ballot was inserted by this call, they are
 * all there are, and their number is the count without reading it.
 */
export async function openVoting(
  topic: StoredTopic, actor: TopicActor, now: number,
  prepared: { electorate?: ReturnType<typeof electorateOf>; logRead?: Promise<TopicEvent[]>; alone?: boolean } = {},
): Promise<WrittenStep> {
  const { voters, ownerArea } = await (prepared.electorate ?? electorateOf(await loadDirectory(now), topic.scope, topic.unit, topic.rule))
  const inserted = await createBallots(topic, voters)
  const units = prepared.alone && inserted === voters.length
    ? inserted
    : ((await database().collection(Collections.ballots).where({ topicId: topic._id }).count()) as { total: number }).total
  const outcome = applyTopicTransition(topic, 'openVoting', actor, now, { electorate: { units, ...(ownerArea !== undefined && { ownerArea }), fixedAt: now } })
  if (!outcome.ok) return { ok: false, reason: 'refused', detail: outcome.detail }
  const written = await writeTopic(topic, outcome.topic, [outcome.event], prepared.logRead)
  if (!written) return { ok: false, reason: 'conflict', detail: 'the topic changed meanwhile' }
  return { ok: true, topic: written.saved, timeline: written.timeline, settled: written.appended }
}

/**
 * The close (issue 8): one aggregate tallies; the cast ballots are read in proof order for the hash
 * and checked against it (after the window no ballot can change, so they agree, or nothing is stored);
 * the rule decides; the result is stored once and only read from then on. The same read of the cast
 * ballots names their voters, who are told of the result.
 */
export async function closeVoting(topic: StoredTopic, actor: TopicActor, now: number): Promise<WrittenStep> {
  if (!topic.electorate) return { ok: false, reason: 'refused', detail: 'voting never opened' }
  const [aggregate, counted] = await Promise.all([tallyByAggregate(topic._id, topic.options), countedBallots(topic._id, { castBy: true })])
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
  const castBy = counted.flatMap((ballot) => (ballot.castBy ? [ballot.castBy] : []))
  const written = await writeTopic(topic, outcome.topic, [outcome.event])
  if (!written) return { ok: false, reason: 'conflict', detail: 'the topic changed meanwhile' }
  const settled = Promise.all([written.appended, topicNotices([outcome.event], written.saved, now, castBy).send()]).then(() => undefined)
  return { ok: true, topic: written.saved, timeline: written.timeline, settled }
}
