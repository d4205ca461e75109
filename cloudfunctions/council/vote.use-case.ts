import { failure, rateLimited, success, tenureMayVote, type MyBallot } from '../../types'
import { dateTimeLine } from '../../types/calendar'
import { changeRetryAt } from '../shared/core/council/ballot-changes'
import { boundBeforeVoting, unitOf } from '../shared/core/council/council-policy'
import { validBallot } from '../shared/core/council/decision-rules'
import type { ActionHandler } from '../shared/runtime/function-entry'
import { settings } from '../shared/runtime/settings'
import { ballotIdOf, castBallot, loadBallot, unitHashOf } from './ballots'
import { loadTopic, topicTermsOf } from './topic-store'

/**
 * Issue 8 Voting: one ballot per unit, by one conditional update of the unit's own ballot document
 * (ballots.ts) — two household members voting at the same instant, or a retry, update the same one,
 * the latest counts and each change is an event. What a vote needs of its topic never changes once it
 * is open, so a warm instance reads it once (topic-store topicTermsOf); the window is in the ballot's
 * own condition. A first vote is one write. A change (the first write found the ballot cast) is a
 * second, which counts it on the ballot against the vote-change limit (core/council/ballot-changes.ts):
 * no rate counter. Only when neither goes in is the ballot read, to say why: not in the electorate
 * fixed at opening, not open yet, closed, or too many changes.
 */
export const vote: ActionHandler<'council', 'vote'> = async ({ topicId, options }, { actor, now }) => {
  const topic = await topicTermsOf(topicId, now)
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
  const allowance = settings().rateLimits.voteChange
  if ((await castBallot(ballotId, cast, { onlyIfFirst: true })) || (await castBallot(ballotId, cast, { change: allowance }))) {
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
  if (now >= ballot.closesAt) return failure('CONFLICT', '投票已经结束')
  const retryAt = changeRetryAt(ballot.changeCounts, now, allowance)
  if (retryAt !== null) return rateLimited(retryAt, `voteChange: 太频繁了，请在 ${dateTimeLine(retryAt)} 以后再试`)
  // Cast by someone else of the household between the two writes and room left: this one lost a race.
  return failure('CONFLICT', '您家的票刚刚有了变化，请刷新后再试')
}
