import { failure, success, tenureMayVote, type MyBallot } from '../../types'
import { boundBeforeVoting, unitOf } from '../shared/core/council/council-policy'
import { validBallot } from '../shared/core/council/decision-rules'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { spendAllowance } from '../shared/runtime/rate-limiter'
import { ballotIdOf, castBallot, loadBallot, unitHashOf } from './ballots'
import { loadTopic, type StoredTopic } from './topic-store'

/**
 * What a vote needs of its topic never changes once the topic is open — its options, rule, unit and
 * proof salt — so a warm instance reads each topic once; the window is in the ballot's own condition.
 */
const TTL_MS = 5 * 60_000
const cache = new Map<string, { at: number; topic: Promise<StoredTopic | null> }>()
function votingTermsOf(topicId: string, now: number): Promise<StoredTopic | null> {
  const hit = cache.get(topicId)
  if (hit && now - hit.at <= TTL_MS) return hit.topic
  const topic = loadTopic(topicId)
  topic.then((found) => found ?? cache.delete(topicId)).catch(() => cache.delete(topicId))
  cache.set(topicId, { at: now, topic })
  return topic
}

/**
 * Issue 8 Voting: one ballot per unit, by one conditional update of the unit's own ballot document
 * (ballots.ts) — two household members voting at the same instant, or a retry, update the same one,
 * the latest counts and each change is an event. Only when it does not go in is the ballot read, to
 * say why: not in the electorate fixed at opening, not open yet, or closed. A first vote is one write;
 * a change (the first write found the ballot cast) is counted against the voter's allowance first.
 */
export const vote: ActionHandler<'council', 'vote'> = async ({ topicId, options }, { actor, now }) => {
  const cached = await votingTermsOf(topicId, now)
  // Read once more if it was cached before its window opened: the electorate's fixing time is needed.
  const topic = cached && !cached.electorate ? await loadTopic(topicId) : cached
  if (!topic) return failure('NOT_FOUND', '没有找到这个议题')
  if (!validBallot(topic.options, options)) return failure('INVALID_INPUT', 'options: 这一票的选项不对')
  const householdId = actor.user?.householdId
  if (!householdId) return failure('FORBIDDEN', '绑定您家并经居委会确认后，才能参加投票')
  if (!tenureMayVote(topic.rule, actor.user?.tenure)) return failure('FORBIDDEN', '这是业主共同决定的事，只有业主能投票')
  if (!boundBeforeVoting(actor.user, topic.electorate)) return failure('FORBIDDEN', '投票开始后才绑定的，这一次不能投票')
  const unitHash = unitHashOf(topic.proofSalt, unitOf(topic.unit, { userId: actor.userId, householdId }))
  const ballotId = ballotIdOf(unitHash)
  const sorted = [...options].sort()
  const cast = { options: sorted, by: actor.userId, via: 'app' as const, at: now }
  const first = await castBallot(ballotId, cast, { onlyIfFirst: true })
  if (!first) {
    const tooOften = await spendAllowance(actor.userId, 'voteChange', now)
    if (tooOften) return tooOften
  }
  if (first || (await castBallot(ballotId, cast))) {
    const mine: MyBallot = { eligible: true, options: sorted, castAt: now, receipt: `${unitHash} ${sorted.join(',')}` }
    return success(mine)
  }
  const ballot = await loadBallot(ballotId)
  if (!ballot) {
    // No ballots exist before the window opens: the electorate is fixed then.
    if ((await loadTopic(topicId))?.status === 'deliberating') return failure('CONFLICT', '投票还没开始')
    return failure('FORBIDDEN', '您家不在这个议题的投票范围内，或在投票开始后才绑定')
  }
  if (now < ballot.opensAt) return failure('CONFLICT', '投票还没开始')
  return failure('CONFLICT', '投票已经结束')
}
