import {
  applyTopicTransition, availableTopicActions, newTopic, openTopicStatuses, TOPIC_SYSTEM, topicTransitions, type TopicDraft, type TopicPayloads,
} from '../../cloudfunctions/shared/core/council/topic.machine'
import {
  applyProposalTransition, availableProposalActions, defaultThreshold, newProposal, openProposalStatuses, PROPOSAL_SYSTEM, proposalTransitions,
  type ProposalPayloads,
} from '../../cloudfunctions/shared/core/council/proposal.machine'
import {
  ProposalAction, ProposalRelation, ProposalStatus, Topic, TopicAction, TopicRelation, TopicStatus, type Proposal, type TopicResult,
} from '../../types/council.schema'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const T0 = 1_741_000_000_000

/**
 * Each lifecycle as issue 8 states it, written without the machine: who may take which step from
 * which status, and where it leads. Every cell of status × action × relation is checked against
 * these lines, each naming its source.
 */
type Line<S, A, R> = { source: string; from: readonly S[]; action: A; to: S | 'stays'; who: readonly R[] }

const topicRules: Line<TopicStatus, TopicAction, TopicRelation>[] = [
  { source: 'issue 8 Deliberation: "议事会 minutes can be added as updates" (while it is deliberated and voted on)', from: ['deliberating', 'voting'], action: 'addMinutes', to: 'stays', who: ['committee', 'streetAdmin'] },
  { source: 'issue 8 Voting: "the window" (the timer opens it)', from: ['deliberating'], action: 'openVoting', to: 'voting', who: ['system'] },
  { source: 'issue 8 Close: "the timer closes the window"; Rights: "a committee of another community can\'t open or close a topic here" (its own can)', from: ['voting'], action: 'close', to: 'closed', who: ['system', 'committee', 'streetAdmin'] },
  { source: 'issue 8 Follow-through: "the committee posts progress (planned → in progress → done"', from: ['closed', 'following'], action: 'postUpdate', to: 'following', who: ['committee', 'streetAdmin'] },
  { source: 'issue 8 Follow-through: "… → done"', from: ['closed', 'following'], action: 'finish', to: 'done', who: ['committee', 'streetAdmin'] },
  { source: 'topic.machine.ts: "cancelled only before anyone could vote on it"', from: ['deliberating'], action: 'cancel', to: 'cancelled', who: ['committee', 'streetAdmin'] },
]

const proposalRules: Line<ProposalStatus, ProposalAction, ProposalRelation>[] = [
  { source: 'issue 8 Proposals: "reaching it puts it before the committee"', from: ['gathering'], action: 'reachThreshold', to: 'awaitingDecision', who: ['system'] },
  { source: 'issue 8 Proposals: "not reaching it expires it"', from: ['gathering'], action: 'expire', to: 'expired', who: ['system'] },
  { source: 'proposal.machine.ts: "withdrawn by its proposer while gathering"', from: ['gathering'], action: 'withdraw', to: 'withdrawn', who: ['proposer'] },
  { source: 'issue 8 Proposals: "who accept it as a topic"', from: ['awaitingDecision'], action: 'accept', to: 'accepted', who: ['committee'] },
  { source: 'issue 8 Proposals: "or decline with a reason everyone can read"', from: ['awaitingDecision'], action: 'decline', to: 'declined', who: ['committee'] },
]

const scope = { kind: 'community' as const, communityIds: ['comm-1'] }
const draft: TopicDraft = {
  _id: 'topic-1', title: '3号楼是否加装电梯', background: '老人上下楼难，居民提出加装电梯，费用按楼层分摊。', photos: [], scope, communityIds: ['comm-1'], streetId: 'street-1',
  unit: 'household', options: { kind: 'yesNo' }, rule: 'art278', quorumPercent: 0, opensAt: T0 - DAY, closesAt: T0 + DAY, openedBy: 'u-committee',
  fromProposalId: null, fromRequestIds: [],
}
const born = newTopic(draft, T0 - 2 * DAY)
if (!born.ok) throw new Error(born.detail)
const result: TopicResult = {
  counts: { yes: 40, no: 10 }, eligibleUnits: 60, votedUnits: 50, quorumMet: true, verdict: 'decided', adopted: ['yes'], ballotsHash: 'a'.repeat(64), closedAt: T0 + DAY,
}
/** A topic in each status, with its clocks due for the step the status allows: the window open while deliberating, over while voting. */
const topicIn = (status: TopicStatus): Topic => ({
  ...born.topic, status, version: 3,
  ...(status === 'voting' && { opensAt: T0 - 2 * DAY, closesAt: T0 - HOUR, electorate: { units: 60, ownerArea: 5000, fixedAt: T0 - 2 * DAY } }),
  ...((status === 'closed' || status === 'following' || status === 'done') && { result }),
})
const topicPayloads: TopicPayloads = {
  addMinutes: { text: '议事会纪要：居委会、物业、业委会和居民代表讨论了电梯费用分摊方案', photos: [] },
  openVoting: { electorate: { units: 60, ownerArea: 5000, fixedAt: T0 } },
  close: { result },
  postUpdate: { stage: 'inProgress', text: '已请设计单位出方案', photos: [] },
  finish: { text: '电梯已经装好，投入使用', photos: [] },
  cancel: { reason: '居民意见分歧较大，先开议事会再说' },
}

const proposal: Proposal = newProposal(
  { _id: 'proposal-1', proposerId: 'u-proposer', communityId: 'comm-1', streetId: 'street-1', scope, title: '小区里多装几盏路灯', background: '晚上从菜场回来，小路太黑。', threshold: 10 },
  T0 - 3 * DAY,
).proposal
const proposalIn = (status: ProposalStatus): Proposal => ({ ...proposal, status, version: 2 })
const proposalPayloads: ProposalPayloads = { reachThreshold: { signatures: 10 }, accept: { topicId: 'topic-9' }, decline: { reason: '路灯已列入街道明年的改造计划' }, expire: {}, withdraw: {} }

const actorFor = <R extends string>(relation: R) => ({ id: relation === 'system' ? 'system' : `u-${relation}`, relations: [relation] as R[] })

describe('the topic machine against issue 8, every status × action × relation', () => {
  const cells = TopicStatus.options.flatMap((status) => TopicAction.options.flatMap((action) => TopicRelation.options.map((relation) => ({ status, action, relation }))))

  test.each(cells.map((c) => [`${c.status} × ${c.action} × ${c.relation}`, c] as const))('%s', (_label, { status, action, relation }) => {
    const rule = topicRules.find((r) => r.from.includes(status) && r.action === action)
    const outcome = applyTopicTransition(topicIn(status), action, actorFor(relation), T0, topicPayloads[action] as never)
    if (!rule) return expect(outcome).toMatchObject({ ok: false, reason: 'WRONG_STATUS' })
    if (!rule.who.includes(relation)) return expect({ outcome, source: rule.source }).toMatchObject({ outcome: { ok: false, reason: 'FORBIDDEN' } })
    expect(outcome).toMatchObject({ ok: true, topic: { status: rule.to === 'stays' ? status : rule.to }, event: { action, relation, from: status, seq: 4 } })
    expect(availableTopicActions(topicIn(status), [relation], T0)).toContain(action)
  })

  test('the table has exactly the steps the issue names', () => {
    const steps = TopicStatus.options.flatMap((s) => Object.keys(topicTransitions[s]).map((a) => `${s}.${a}`)).sort()
    expect(steps).toEqual(topicRules.flatMap((r) => r.from.map((s) => `${s}.${r.action}`)).sort())
    expect(openTopicStatuses).toEqual(['deliberating', 'voting', 'closed', 'following'])
  })

  test('the window: voting opens no sooner than opensAt and closes no sooner than closesAt, for the committee as for the timer', () => {
    const early = { ...topicIn('deliberating'), opensAt: T0 + HOUR }
    expect(applyTopicTransition(early, 'openVoting', TOPIC_SYSTEM, T0, topicPayloads.openVoting)).toMatchObject({ ok: false, reason: 'CONFLICT' })
    const open = { ...topicIn('voting'), closesAt: T0 + 1 }
    expect(applyTopicTransition(open, 'close', actorFor('committee'), T0, topicPayloads.close)).toMatchObject({ ok: false, reason: 'CONFLICT' })
    expect(availableTopicActions(open, ['committee'], T0)).not.toContain('close')
    expect(applyTopicTransition(open, 'close', TOPIC_SYSTEM, T0 + 1, topicPayloads.close)).toMatchObject({ ok: true, topic: { status: 'closed', result } })
  })

  test('the result is stored once: a second close finds it there', () => {
    expect(applyTopicTransition({ ...topicIn('voting'), result }, 'close', TOPIC_SYSTEM, T0, topicPayloads.close)).toMatchObject({ ok: false, reason: 'CONFLICT' })
  })

  test('follow-through moves through its stages, says what was done each time, and ends done', () => {
    const planned = applyTopicTransition(topicIn('closed'), 'postUpdate', actorFor('committee'), T0, { stage: 'planned', text: '本月内请设计单位出方案', photos: [] })
    expect(planned).toMatchObject({ ok: true, topic: { status: 'following', followStage: 'planned' }, event: { note: '本月内请设计单位出方案' } })
    expect(applyTopicTransition(topicIn('following'), 'postUpdate', actorFor('committee'), T0, { stage: 'inProgress', text: ' ', photos: [] })).toMatchObject({ ok: false, reason: 'INVALID_PAYLOAD' })
    expect(applyTopicTransition(topicIn('following'), 'finish', actorFor('committee'), T0, topicPayloads.finish)).toMatchObject({ ok: true, topic: { status: 'done', followStage: 'done' } })
  })

  test('an update never goes back to a stage the follow-through has passed (in progress → planned is refused)', () => {
    const inProgress = { ...topicIn('following'), followStage: 'inProgress' as const }
    expect(applyTopicTransition(inProgress, 'postUpdate', actorFor('committee'), T0, { stage: 'planned', text: '重新规划', photos: [] })).toMatchObject({ ok: false, reason: 'INVALID_PAYLOAD' })
    expect(applyTopicTransition(inProgress, 'postUpdate', actorFor('committee'), T0, { stage: 'inProgress', text: '已完成一半', photos: [] })).toMatchObject({ ok: true, topic: { followStage: 'inProgress' } })
    expect(applyTopicTransition({ ...topicIn('following'), followStage: 'planned' as const }, 'postUpdate', actorFor('committee'), T0, { stage: 'planned', text: '方案已定', photos: [] })).toMatchObject({ ok: true })
  })

  test('a topic is born deliberating, its window ahead and running forward', () => {
    expect(born.topic).toMatchObject({ status: 'deliberating', electorate: null, result: null, version: 0 })
    expect(born.event).toMatchObject({ _id: 'topic-1#0', action: 'open', to: 'deliberating' })
    expect(newTopic({ ...draft, closesAt: draft.opensAt }, T0)).toMatchObject({ ok: false })
    expect(newTopic({ ...draft, opensAt: T0 - 3 * DAY, closesAt: T0 - 2 * DAY }, T0)).toMatchObject({ ok: false })
  })
})

describe('the proposal machine against issue 8, every status × action × relation', () => {
  const cells = ProposalStatus.options.flatMap((status) => ProposalAction.options.flatMap((action) => ProposalRelation.options.map((relation) => ({ status, action, relation }))))

  test.each(cells.map((c) => [`${c.status} × ${c.action} × ${c.relation}`, c] as const))('%s', (_label, { status, action, relation }) => {
    const rule = proposalRules.find((r) => r.from.includes(status) && r.action === action)
    // Expiry is due at T0 + 14 days; reaching the threshold before it.
    const at = action === 'expire' ? proposal.expiresAt : T0
    const outcome = applyProposalTransition(proposalIn(status), action, actorFor(relation), at, proposalPayloads[action] as never)
    if (!rule) return expect(outcome).toMatchObject({ ok: false, reason: 'WRONG_STATUS' })
    if (!rule.who.includes(relation)) return expect({ outcome, source: rule.source }).toMatchObject({ outcome: { ok: false, reason: 'FORBIDDEN' } })
    expect(outcome).toMatchObject({ ok: true, proposal: { status: rule.to === 'stays' ? status : rule.to }, event: { action, relation, from: status } })
    expect(availableProposalActions(proposalIn(status), [relation], at)).toContain(action)
  })

  test('the table has exactly the steps the issue names', () => {
    const steps = ProposalStatus.options.flatMap((s) => Object.keys(proposalTransitions[s]).map((a) => `${s}.${a}`)).sort()
    expect(steps).toEqual(proposalRules.flatMap((r) => r.from.map((s) => `${s}.${r.action}`)).sort())
    expect(openProposalStatuses).toEqual(['gathering', 'awaitingDecision'])
  })

  test('14 days to gather: the threshold counts only before they run out, expiry only after', () => {
    expect(proposal.expiresAt).toBe(T0 - 3 * DAY + 14 * DAY)
    expect(applyProposalTransition(proposal, 'reachThreshold', PROPOSAL_SYSTEM, proposal.expiresAt, { signatures: 10 })).toMatchObject({ ok: false, reason: 'CONFLICT' })
    expect(applyProposalTransition(proposal, 'expire', PROPOSAL_SYSTEM, proposal.expiresAt - 1, {})).toMatchObject({ ok: false, reason: 'CONFLICT' })
    expect(applyProposalTransition(proposal, 'reachThreshold', PROPOSAL_SYSTEM, T0, { signatures: 9 })).toMatchObject({ ok: false, reason: 'CONFLICT' })
  })

  test('a committee member who proposed as a resident does not decide it; a decline needs a reason everyone reads', () => {
    const awaiting = proposalIn('awaitingDecision')
    expect(applyProposalTransition(awaiting, 'accept', { id: 'u-proposer', relations: ['proposer', 'committee'] }, T0, proposalPayloads.accept)).toMatchObject({ ok: false, reason: 'FORBIDDEN' })
    expect(applyProposalTransition(awaiting, 'decline', actorFor('committee'), T0, { reason: ' ' })).toMatchObject({ ok: false, reason: 'INVALID_PAYLOAD' })
    expect(applyProposalTransition(awaiting, 'decline', actorFor('committee'), T0, proposalPayloads.decline)).toMatchObject({ ok: true, proposal: { reason: '路灯已列入街道明年的改造计划', decidedBy: 'u-committee' } })
  })

  test('the default threshold: 10 households or 5 % of the units, whichever is fewer, at least one', () => {
    expect(defaultThreshold(2000)).toBe(10)
    expect(defaultThreshold(40)).toBe(2)
    expect(defaultThreshold(3)).toBe(1)
    expect(defaultThreshold(400, { households: 30, percent: 10 })).toBe(30)
  })
})
