import { councilActions, type ActionInput, type Message, type Request } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { countAll, DAY, documents, fileAs, newKey, P } from '../support/requests'
import { seedHousehold } from '../../local/seed/demo-buildings'
import { recoveredRooms, roomListOf } from '../support/recover-room'

/**
 * 邻里议事厅 beyond the committee's own topics (issue 8): residents' proposals gathering co-signers,
 * deliberation with 三方 roles and hiding, assisted and paper votes with four eyes, the council timer
 * opening windows and expiring proposals, 每月一题, and malformed input on every action.
 * 康乐小区3号楼 has 12 households: a proposal over it needs 1 co-signing household (5 % of 12, rounded up).
 */
const BUILDING_SCOPE = { kind: 'buildings' as const, buildingIds: ['bldg-kl-3'] }
const GRID_SCOPE = { kind: 'grids' as const, gridIds: ['grid-kangle-1'] }
const owners = ['101', '102', '202', '301', '302'].map((room) => ({ _id: `test-owner-${room}`, room }))

let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
  const db = (await import('../../cloudfunctions/shared/runtime/cloudbase')).database()
  await db.collection(Collections.users).add(owners.map((o) => ({ _id: o._id, name: `业主${o.room}`, staff: {}, householdId: seedHousehold('bldg-kl-3', String(o.room)), tenure: 'owner', createdAt: cloud.clock.now() })))
})
afterAll(() => cloud.close())

const proposalForm = (over: Partial<ActionInput<'council', 'propose'>> = {}): ActionInput<'council', 'propose'> => ({
  idempotencyKey: newKey(), title: '小区里多装几盏路灯', background: '晚上从菜场回来，小路太黑，老人怕摔。', scope: GRID_SCOPE, ...over,
})
const topicTerms = () => ({
  title: '康乐一网格加装路灯', background: '居民联署提出：小路太黑。是否在主要小路加装 6 盏路灯？', photos: [], unit: 'household' as const,
  options: { kind: 'yesNo' as const }, rule: 'majority' as const, quorumPercent: 30, opensAt: cloud.clock.now(), closesAt: cloud.clock.now() + 3 * DAY,
})

describe('a resident proposal', () => {
  test('gathers one signature a household, reaches its threshold, and the committee makes it a topic', async () => {
    const proposed = expectOk(await cloud.call(P.residentA, 'council', 'propose', proposalForm()))
    // 康乐一网格 has 5 buildings of 52 households: 5 % is 2.6, so 3 co-signing households; the proposer's own is not one.
    expect(proposed).toMatchObject({ status: 'gathering', threshold: 3, signatures: 0, signedByMe: false, mine: true, canSign: false })
    expect(await cloud.call(P.residentA, 'council', 'cosign', { proposalId: proposed._id })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await cloud.call(P.residentB, 'council', 'cosign', { proposalId: proposed._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call(P.newcomer, 'council', 'cosign', { proposalId: proposed._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // The same household tapping at once, ten times: one signature.
    const taps = await Promise.all(Array.from({ length: 10 }, () => cloud.call(owners[0]._id, 'council', 'cosign', { proposalId: proposed._id })))
    expect(taps.every((t) => t.ok)).toBe(true)
    expect(await documents(Collections.cosignatures, { proposalId: proposed._id })).toHaveLength(1)
    expect(expectOk(await cloud.call(owners[1]._id, 'council', 'cosign', { proposalId: proposed._id }))).toMatchObject({ status: 'gathering', signatures: 2 })
    const reached = expectOk(await cloud.call(owners[2]._id, 'council', 'cosign', { proposalId: proposed._id }))
    expect(reached).toMatchObject({ status: 'awaitingDecision', signatures: 3 })
    expect((await documents<Message>(Collections.messages, { proposalId: proposed._id, action: 'reachThreshold' })).map((m) => m.recipientId).sort())
      .toEqual(['demo-committee-kangle', 'demo-elderly-kangle', P.residentA].sort())

    expect(await cloud.call(P.committeeCuihu, 'council', 'decideProposal', { proposalId: proposed._id, decision: 'accept', topic: topicTerms() })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const accepted = expectOk(await cloud.call(P.committeeKangle, 'council', 'decideProposal', { proposalId: proposed._id, decision: 'accept', topic: topicTerms() }))
    expect(accepted).toMatchObject({ status: 'accepted', topicId: expect.stringMatching(/^topic-/) })
    const again = expectOk(await cloud.call(P.committeeKangle, 'council', 'decideProposal', { proposalId: proposed._id, decision: 'accept', topic: topicTerms() }))
    expect(again.topicId).toBe(accepted.topicId)
    const topic = expectOk(await cloud.call(P.residentA, 'council', 'topic', { topicId: accepted.topicId! }))
    expect(topic).toMatchObject({ status: 'voting', fromProposalId: proposed._id, scope: GRID_SCOPE, electorate: { units: 52 } })
    expect(await documents(Collections.topics, { fromProposalId: proposed._id })).toHaveLength(1)
    expect((await documents<Message>(Collections.messages, { proposalId: proposed._id, action: 'accept' })).map((m) => m.recipientId).sort())
      .toEqual([P.residentA, owners[0]._id, owners[1]._id, owners[2]._id].sort())
  })

  test('declined with a reason everyone can read; withdrawn by its proposer; expired by the timer after 14 days', async () => {
    const declined = expectOk(await cloud.call(P.residentA, 'council', 'propose', proposalForm({ title: '楼下空地改成停车位', scope: BUILDING_SCOPE })))
    // 12 households: one neighbour's signature puts it before the committee.
    expect(declined).toMatchObject({ threshold: 1, status: 'gathering' })
    expect(expectOk(await cloud.call(owners[3]._id, 'council', 'cosign', { proposalId: declined._id })).status).toBe('awaitingDecision')
    expectOk(await cloud.call(P.committeeKangle, 'council', 'decideProposal', { proposalId: declined._id, decision: 'decline', reason: '空地是消防通道，不能停车' }))
    expect(expectOk(await cloud.call(P.newcomer, 'council', 'proposal', { proposalId: declined._id }))).toMatchObject({ status: 'declined', reason: '空地是消防通道，不能停车' })

    const withdrawn = expectOk(await cloud.call(owners[2]._id, 'council', 'propose', proposalForm({ title: '每周组织一次义诊' })))
    expect(await cloud.call(owners[3]._id, 'council', 'withdrawProposal', { proposalId: withdrawn._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(expectOk(await cloud.call(owners[2]._id, 'council', 'withdrawProposal', { proposalId: withdrawn._id }))).toMatchObject({ status: 'withdrawn' })

    const lonely = expectOk(await cloud.call(owners[4]._id, 'council', 'propose', proposalForm({ title: '建一个读书角' })))
    cloud.clock.advance(14 * DAY)
    expect(expectOk(await cloud.runTimer('council-timer'))).toMatchObject({ expire: 1 })
    expect(expectOk(await cloud.call(owners[4]._id, 'council', 'proposal', { proposalId: lonely._id }))).toMatchObject({ status: 'expired', canSign: false })
    expect(await cloud.call(owners[0]._id, 'council', 'cosign', { proposalId: lonely._id })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})

describe('deliberation and assisted votes', () => {
  let topicId: string
  beforeAll(async () => {
    const topic = expectOk(await cloud.call(P.committeeKangle, 'council', 'openTopic', {
      ...topicTerms(), idempotencyKey: newKey(), title: '3号楼门口是否装雨棚', scope: BUILDING_SCOPE, opensAt: cloud.clock.now(), closesAt: cloud.clock.now() + 3 * DAY,
    }))
    topicId = topic._id
  })

  test('comments and one level of replies, labelled by role from the directory; the committee hides one with a reason, the author told, the hide logged', async () => {
    const firstKey = newKey()
    const first = expectOk(await cloud.call(owners[0]._id, 'council', 'comment', { topicId, idempotencyKey: firstKey, text: '雨棚挡光吗？' }))
    // Sent again after a lost answer (the same key, at once, twice): the same comment, not a second one.
    const again = await Promise.all([1, 2].map(() => cloud.call(owners[0]._id, 'council', 'comment', { topicId, idempotencyKey: firstKey, text: '雨棚挡光吗？' })))
    expect(again.map((a) => expectOk(a)._id)).toEqual([first._id, first._id])
    const answer = expectOk(await cloud.call(P.committeeKangle, 'council', 'comment', { topicId, idempotencyKey: newKey(), text: '用透明材料，不挡光', parentId: first._id }))
    const deeper = expectOk(await cloud.call(P.residentA, 'council', 'comment', { topicId, idempotencyKey: newKey(), text: '那就好', parentId: answer._id }))
    expect([first.role, answer.role, deeper.role]).toEqual(['resident', 'committee', 'residentRep'])
    expect(deeper.parentId).toBe(first._id)
    expect(await cloud.call(owners[1]._id, 'council', 'comment', { topicId, idempotencyKey: newKey(), text: '办假证找我' })).toMatchObject({ ok: false, code: 'CONTENT_BLOCKED' })
    const rude = expectOk(await cloud.call(owners[1]._id, 'council', 'comment', { topicId, idempotencyKey: newKey(), text: '谁出的馊主意' }))
    expect(await cloud.call(P.residentA, 'council', 'hideComment', { commentId: rude._id, reason: '请文明发言' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expectOk(await cloud.call(P.committeeKangle, 'council', 'hideComment', { commentId: rude._id, reason: '请文明发言' }))
    const list = expectOk(await cloud.call(P.newcomer, 'council', 'comments', { topicId })).items
    expect(list.filter((c) => c.text === '雨棚挡光吗？')).toHaveLength(1)
    // A resident's name is masked to others; the committee and the 居民代表 speak by name in their role.
    expect(list.map((c) => c.authorName).slice(0, 3)).toEqual(['业*', '康乐社区黄主任', '康乐居民王阿姨'])
    expect(expectOk(await cloud.call(owners[0]._id, 'council', 'comments', { topicId })).items[0].authorName).toBe('业主101')
    expect(list.find((c) => c._id === rude._id)).toMatchObject({ text: null, hidden: { reason: '请文明发言' } })
    expect(JSON.stringify(list)).not.toContain('馊主意')
    expect(await documents<Message>(Collections.messages, { recipientId: owners[1]._id, action: 'commentHidden' })).toHaveLength(1)
    expect(await documents(Collections.auditLog, { action: 'comment.hide', 'subject.id': rude._id })).toHaveLength(1)
  })

  test('staff enter a ballot for a resident; a second member of staff confirms it; it counts once, and a unit that voted itself keeps its own vote', async () => {
    const entered = expectOk(await cloud.call(P.workerKangleA, 'council', 'enterAssistedBallot', { topicId, residentId: owners[2]._id, options: ['yes'], via: 'phone', note: '电话里说同意', photos: [] }))
    expect(entered).toMatchObject({ status: 'pending', mine: true, placeLabel: '康乐小区3号楼' })
    expect(await cloud.call(P.workerKangleA, 'council', 'decideAssistedBallot', { assistedId: entered._id, decision: 'confirm' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call(P.committeeCuihu, 'council', 'decideAssistedBallot', { assistedId: entered._id, decision: 'confirm' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const confirmed = expectOk(await cloud.call(P.committeeKangle, 'council', 'decideAssistedBallot', { assistedId: entered._id, decision: 'confirm' }))
    expect(confirmed).toMatchObject({ status: 'counted', mine: false })
    expect(await documents(Collections.ballots, { topicId, householdId: seedHousehold('bldg-kl-3', '202'), via: 'assisted' })).toHaveLength(1)
    expect(await documents<Message>(Collections.messages, { recipientId: owners[2]._id, action: 'ballotReceipt' })).toHaveLength(1)

    // 301 votes in the app while a paper ballot for them waits: the paper one is flagged, not counted.
    const paper = expectOk(await cloud.call(P.committeeKangle, 'council', 'enterAssistedBallot', { topicId, residentId: owners[3]._id, options: ['no'], via: 'inPerson', note: '纸质选票', photos: [] }))
    expectOk(await cloud.call(owners[3]._id, 'council', 'vote', { topicId, options: ['yes'] }))
    expect(expectOk(await cloud.call(P.elderlyKangle, 'council', 'decideAssistedBallot', { assistedId: paper._id, decision: 'confirm' }))).toMatchObject({ status: 'conflict' })
    expect(await documents<{ options: string[] }>(Collections.ballots, { topicId, householdId: seedHousehold('bldg-kl-3', '301') })).toEqual([expect.objectContaining({ options: ['yes'], via: 'app' })])
    const refused = expectOk(await cloud.call(P.committeeKangle, 'council', 'enterAssistedBallot', { topicId, residentId: owners[4]._id, options: ['yes'], via: 'phone', note: '电话', photos: [] }))
    expect(expectOk(await cloud.call(P.workerKangleA, 'council', 'decideAssistedBallot', { assistedId: refused._id, decision: 'refuse', reason: '回电核实，居民说没说过' }))).toMatchObject({ status: 'refused' })
    const assisted = expectOk(await cloud.call(P.elderlyKangle, 'council', 'listAssistedBallots', { status: 'all' }))
    expect(assisted.map((a) => a.status).sort()).toEqual(['conflict', 'counted', 'refused'])
    // Issue 10 (3): the staff list names the building, never the room: nothing in it gives a room back.
    expect(recoveredRooms(assisted, await roomListOf(cloud, 'bldg-kl-3'))).toEqual([])
    expect(await cloud.call(P.residentA, 'council', 'listAssistedBallots', { status: 'pending' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the council timer opens a window at its time', () => {
  test('a topic opened ahead deliberates, then the timer fixes the electorate and voting begins', async () => {
    const ahead = expectOk(await cloud.call(P.committeeKangle, 'council', 'openTopic', {
      ...topicTerms(), idempotencyKey: newKey(), title: '3号楼是否统一换防盗门', scope: BUILDING_SCOPE, opensAt: cloud.clock.now() + DAY, closesAt: cloud.clock.now() + 3 * DAY,
    }))
    expect(ahead).toMatchObject({ status: 'deliberating', electorate: null, myBallot: { eligible: false } })
    expect(await cloud.call(P.residentA, 'council', 'vote', { topicId: ahead._id, options: ['yes'] })).toMatchObject({ ok: false, code: 'CONFLICT', message: '投票还没开始' })
    cloud.clock.advance(DAY)
    expect(expectOk(await cloud.runTimer('council-timer'))).toMatchObject({ openVoting: 1 })
    expect(expectOk(await cloud.call(P.residentA, 'council', 'topic', { topicId: ahead._id }))).toMatchObject({ status: 'voting', electorate: { units: 12 } })
    expectOk(await cloud.call(P.residentA, 'council', 'vote', { topicId: ahead._id, options: ['yes'] }))
  })
})

describe('每月一题', () => {
  test('the month\'s requests cluster by category × place; the committee turns one into proactive work, its filers told', async () => {
    for (const text of ['3号楼楼道灯坏了', '3号楼楼道灯又不亮了', '3号楼门口路灯不亮']) await fileAs(cloud, P.residentA, { category: 'facility', text })
    await fileAs(cloud, P.residentA, { category: 'environment', text: '垃圾桶满了' })
    const period = { from: cloud.clock.now() - 30 * DAY, to: cloud.clock.now() + 1 }
    const clusters = expectOk(await cloud.call(P.committeeKangle, 'council', 'monthlyClusters', { communityId: 'comm-kangle', period }))
    expect(clusters[0]).toMatchObject({ category: 'facility', placeKind: 'estate', placeLabel: '康乐小区', count: 3, lastMonth: 0 })
    expect(clusters.find((c) => c.category === 'environment')).toBeUndefined()
    expect(await cloud.call(P.committeeCuihu, 'council', 'monthlyClusters', { communityId: 'comm-kangle', period })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const adopted = expectOk(await cloud.call(P.committeeKangle, 'council', 'adoptMonthlyQuestion', { communityId: 'comm-kangle', requestIds: clusters[0].requestIds, category: 'facility', text: '本月集中排查康乐小区楼道灯' }))
    const [request] = await documents<Request>(Collections.requests, { _id: adopted.requestId })
    expect(request).toMatchObject({ filedBy: { kind: 'proactive', staffId: P.committeeKangle }, category: 'facility' })
    expect(await documents<Message>(Collections.messages, { recipientId: P.residentA, requestId: adopted.requestId })).toHaveLength(1)
  })
})

describe('the council contract at its edge', () => {
  const written = [Collections.topics, Collections.ballots, Collections.proposals, Collections.cosignatures, Collections.topicComments, Collections.assistedBallots]
  const topicId = 'topic-00000000000000000000000000000000'
  const long = (n: number) => '议'.repeat(n)
  const terms = { title: '议题', background: '背景', photos: [], unit: 'household', options: { kind: 'yesNo' }, rule: 'majority', quorumPercent: 30, opensAt: 1, closesAt: 2 }
  const proposal = { idempotencyKey: 'key-bad-proposal', title: '提议', background: '说明', scope: GRID_SCOPE }
  const malformedForEveryAction: unknown[] = [null, 'vote', 42, [], { unexpected: true }]
  const malformedByAction: Record<keyof typeof councilActions, unknown[]> = {
    countElectorate: [{ scope: { kind: 'planet' }, unit: 'household', rule: 'majority' }, { scope: BUILDING_SCOPE, unit: 'dog', rule: 'majority' }],
    openTopic: [
      { idempotencyKey: 'short' }, { ...terms, idempotencyKey: 'key-bad-topic', scope: BUILDING_SCOPE, title: long(61) },
      { ...terms, idempotencyKey: 'key-bad-topic', scope: BUILDING_SCOPE, rule: 'art278', unit: 'person' },
      { ...terms, idempotencyKey: 'key-bad-topic', scope: BUILDING_SCOPE, options: { kind: 'choices', choices: ['一'], maxPicks: 1 } },
      { ...terms, idempotencyKey: 'key-bad-topic', scope: BUILDING_SCOPE, options: { kind: 'choices', choices: ['一', '二'], maxPicks: 3 } },
      { ...terms, idempotencyKey: 'key-bad-topic', scope: BUILDING_SCOPE, quorumPercent: 101 },
    ],
    listTopics: [{ view: 'secret' }, { view: 'open', limit: 0 }],
    topic: [{}, { topicId: '' }],
    vote: [{ topicId }, { topicId, options: [] }, { topicId, options: ['yes'], unitId: 'household:hh-kl-3-101' }, { topicId, options: ['yes', 'no', 'abstain', 'c0', 'c1', 'c2', 'c3', 'c4', 'c5'] }],
    cancelTopic: [{ topicId }, { topicId, reason: '' }],
    closeTopic: [{}, { topicId, result: {} }],
    postUpdate: [{ topicId, stage: 'started', text: '好', photos: [] }, { topicId, stage: 'planned', text: '', photos: [] }],
    addMinutes: [{ topicId }, { topicId, text: '', photos: [] }, { topicId, text: '纪要', photos: ['https://x/y.jpg'] }],
    proof: [{}],
    votedUnits: [{}],
    comments: [{}, { topicId, limit: 99 }],
    comment: [{ topicId }, { topicId, idempotencyKey: 'k', text: '好' }, { topicId, idempotencyKey: 'key-12345678', text: long(501) }],
    hideComment: [{ commentId: 'c' }, { commentId: 'c', reason: '' }],
    propose: [{ ...proposal, scope: { kind: 'buildings', buildingIds: [] } }, { ...proposal, title: '' }],
    listProposals: [{ view: 'everything' }],
    proposal: [{}],
    cosign: [{}, { proposalId: '' }],
    withdrawProposal: [{}],
    decideProposal: [{ proposalId: 'p', decision: 'maybe' }, { proposalId: 'p', decision: 'decline' }, { proposalId: 'p', decision: 'accept' }],
    enterAssistedBallot: [{ topicId, residentId: 'u', options: ['yes'], via: 'letter', photos: [] }, { topicId, residentId: 'u', options: [], via: 'phone', photos: [] }],
    listAssistedBallots: [{ status: 'decided' }],
    decideAssistedBallot: [{ assistedId: 'a', decision: 'refuse' }, { assistedId: 'a', decision: 'approve' }],
    monthlyClusters: [{ communityId: 'comm-kangle' }, { communityId: 'comm-kangle', period: { from: 10, to: 5 } }],
    adoptMonthlyQuestion: [{ communityId: 'comm-kangle', requestIds: [], category: 'facility', text: '好' }, { communityId: 'comm-kangle', requestIds: ['r'], category: 'money', text: '好' }],
  }

  test.each(Object.keys(councilActions))('%s answers INVALID_INPUT to malformed input and changes nothing', async (action) => {
    const before = await countAll(written)
    for (const input of [...malformedForEveryAction, ...malformedByAction[action as keyof typeof councilActions]]) {
      for (const caller of [P.residentA, P.committeeKangle]) {
        const result = await cloud.callRaw(caller, 'council', { action, input })
        expect({ input, result }).toMatchObject({ input, result: { ok: false, code: 'INVALID_INPUT' } })
      }
    }
    expect(await countAll(written)).toEqual(before)
  })
})
