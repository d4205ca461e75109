import { failure, type ActionInput, type ProposalView } from '@/types'
import { dateTimeLine, startOfNextShanghaiDay } from '@/types/calendar'
import { household, whoami } from '../component/support/fixtures'
import { proposalView, topicDetail } from '../component/support/council-fixtures'
import { councilQueues } from './support/fixtures'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

// 王秀英 of 康乐小区1号楼101 proposes handrails for her building's stairwell; 李大伯 of 1号楼302 co-signs;
// with 10 households it goes before 康乐社区居委会, who accept it as a topic.
const TITLE = '1号楼楼道加装扶手'
const BACKGROUND = '楼里老人多，上下楼没有扶手不安全，想请大家一起提议加装。'
const building1 = { kind: 'buildings' as const, buildingIds: ['bldg-kl-1'] }
const DAY = 24 * 3_600_000

const wang = whoami({ userId: 'openid-wang', roles: ['resident', 'verifiedResident'], household })
const li = whoami({ userId: 'openid-li', roles: ['resident', 'verifiedResident'], household: { ...household, householdId: 'hh-kl-1-302', room: '302室' } })
const committee = whoami({ userId: 'staff-huang', name: '康乐社区黄主任', roles: ['resident', 'committee'], scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })

test('a verified resident proposes for her own building from 首页 → 邻里议事厅 → 联署中 → 我要提议, and reads how many neighbours must co-sign by when', async () => {
  let posted: ProposalView | null = null
  weapp.answer({
    directory: { whoami: wang },
    council: {
      listTopics: { items: [], nextCursor: null },
      listProposals: { items: [], nextCursor: null },
      propose: (input) =>
        (posted = proposalView({ title: input.title, background: input.background, scope: input.scope, signatures: 1, threshold: 10, mine: true, signedByMe: true, canSign: false, availableActions: ['withdraw'] })),
      proposal: () => posted ?? failure('NOT_FOUND'),
    },
  })
  const home = await weapp.launch('/pages/home/index')
  await home.tap('邻里议事厅')
  const hall = await weapp.page('pages-council/home/index')
  await hall.tap('联署中')
  await hall.find('现在没有正在征集联署的提议。')
  expect(weapp.cloudCalls('council', 'listProposals').map((call) => call.input)).toEqual([{ view: 'gathering', limit: 20 }])
  await hall.tap('我要提议')

  const form = await weapp.page('pages-council/propose/index')
  await form.find('提议怎么变成大家投票的事')
  await form.tap('发起提议')
  await form.find('请写一下要商量什么事。')
  expect(weapp.cloudCalls('council', 'propose')).toEqual([])
  await form.type('要商量什么事', TITLE)
  await form.type('情况说明', BACKGROUND)
  await form.tap('我家这栋楼（康乐小区 1号楼）')
  await form.tap('发起提议')
  await form.find('提议发起好了')
  const [sent] = weapp.cloudCalls('council', 'propose').map((call) => call.input as ActionInput<'council', 'propose'>)
  expect(sent).toEqual({ idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), title: TITLE, background: BACKGROUND, scope: building1 })
  await form.find('需要 10 户邻居联署，现在有 1 户。')
  await form.find(`14 天内，也就是 ${dateTimeLine(posted!.expiresAt)} 前凑够，就交给居委会决定要不要请大家投票；凑不够，提议就结束了。`)

  await form.tap('看这个提议')
  const page = await weapp.page('pages-council/proposal/index')
  await page.find('已有 1 户联署，需要 10 户，还差 9 户')
  await page.find('这是您发起的提议。')
  await page.find('撤回提议')
  // Her own household signed by proposing: no 联署 for her.
  expect(page.has('联署')).toBe(false)
  expect(weapp.stack()).toEqual(['pages/home/index', 'pages-council/home/index', 'pages-council/proposal/index'])
})

test('a neighbour of the same building finds it under 联署中 and co-signs once for his household; the list then says so', async () => {
  let held = proposalView({ signatures: 3, threshold: 10 })
  weapp.answer({
    directory: { whoami: li },
    council: {
      listTopics: { items: [], nextCursor: null },
      listProposals: () => ({ items: [held], nextCursor: null }),
      proposal: () => held,
      cosign: () => (held = { ...held, signatures: held.signatures + 1, signedByMe: true, canSign: false }),
    },
  })
  const hall = await weapp.launch('/pages-council/home/index')
  await hall.tap('联署中')
  await hall.find('已有 3 户联署，需要 10 户，还差 7 户')
  await hall.find(`${dateTimeLine(held.expiresAt)} 前凑够`)
  await hall.tap(TITLE)

  const page = await weapp.page('pages-council/proposal/index')
  await page.find(BACKGROUND)
  await page.find('范围')
  await page.find('康乐小区 1号楼')
  await page.find('赞成把这件事拿出来大家商量，就点联署。每户联署一次。')
  await page.tap('联署')
  await page.find('✓ 您家已经联署')
  await page.find('已有 4 户联署，需要 10 户，还差 6 户')
  expect(weapp.cloudCalls('council', 'cosign').map((call) => call.input)).toEqual([{ proposalId: 'pp-1' }])
  expect(weapp.toasts()).toContain('联署成功')
  expect(page.has('联署')).toBe(false)

  // Back on the hall, still on 联署中, the list is read again on show.
  await weapp.back()
  await hall.find('✓ 我已联署')
  expect(weapp.cloudCalls('council', 'listProposals')).toHaveLength(2)
})

test('with enough co-signers it waits on the workbench; the committee counts who may vote in its scope, accepts it as a topic, and the proposal then leads there', async () => {
  const waiting = proposalView({ status: 'awaitingDecision', signatures: 10, threshold: 10, availableActions: ['accept', 'decline'], canSign: false })
  let decided: ProposalView = waiting
  weapp.answer({
    directory: { whoami: committee, listBindingRequests: [], listPartyRegistrations: failure('FORBIDDEN') },
    requests: { inboxCounts: { overdue: 0, toAccept: 0, inHand: 0, awaitingRating: 0, review: 0 } },
    wishes: { listForReview: { items: [], nextCursor: null }, branchOverview: failure('FORBIDDEN') },
    council: {
      ...councilQueues.committee,
      listProposals: (input) => ({ items: input.view === 'toDecide' && decided.status === 'awaitingDecision' ? [waiting] : [], nextCursor: null }),
      countElectorate: { units: 24, households: 24 },
      decideProposal: (input) => (decided = { ...waiting, status: input.decision === 'accept' ? 'accepted' : 'declined', topicId: input.decision === 'accept' ? 'tp-7' : null, availableActions: [] }),
      topic: topicDetail({ _id: 'tp-7', title: TITLE, scope: building1, scopeLabel: '康乐小区1号楼', fromProposalId: 'pp-1', status: 'deliberating', relations: ['committee'] }),
      comments: { items: [], nextCursor: null },
    },
  })
  const mine = await weapp.launch('/pages/mine/index')
  await mine.tap('工作台')
  const workbench = await weapp.page('pages-staff/workbench/index')
  await workbench.find('1 个待决定')
  await workbench.tap('待决定的提议')

  const decide = await weapp.page('pages-council/decide/index')
  await decide.find('已有 10 户联署，需要 10 户，已经够了')
  // The form takes its days when it opens: a week on from today, closing as that day ends in Beijing.
  const opened = Date.now()
  await decide.tap('采纳为议题')
  await decide.find('范围按提议：康乐小区 1号楼')
  await decide.find('这个范围现在有 24 户可以投票')
  expect(weapp.cloudCalls('council', 'countElectorate').map((call) => call.input)).toEqual([{ scope: building1, unit: 'household', rule: 'majority' }])
  expect(await decide.valueOf('议题')).toBe(TITLE)
  const before = Date.now()
  await decide.tap('采纳，发起议题')
  await decide.find(`已采纳：${TITLE}`)
  const [sent] = weapp.cloudCalls('council', 'decideProposal').map((call) => call.input as Extract<ActionInput<'council', 'decideProposal'>, { decision: 'accept' }>)
  expect(sent).toEqual({
    proposalId: 'pp-1',
    decision: 'accept',
    topic: { title: TITLE, background: BACKGROUND, photos: [], unit: 'household', options: { kind: 'yesNo' }, rule: 'majority', quorumPercent: 50, opensAt: expect.any(Number), closesAt: expect.any(Number) },
  })
  expect(sent.topic.opensAt).toBeGreaterThanOrEqual(before)
  expect([startOfNextShanghaiDay(opened + 7 * DAY), startOfNextShanghaiDay(Date.now() + 7 * DAY)]).toContain(sent.topic.closesAt)
  expect(weapp.toasts()).toContain('已采纳为议题')

  await decide.tap('看这个议题')
  const topic = await weapp.page('pages-council/topic/index')
  await topic.find('这个议题来自居民的提议，点这里看提议')
  expect(weapp.stack()).toEqual(['pages/mine/index', 'pages-staff/workbench/index', 'pages-council/decide/index', 'pages-council/topic/index'])
})

test('a proposal the committee declined shows everyone the reason', async () => {
  const reason = '这件事物业已经答应下个月办'
  weapp.answer({ directory: { whoami: li }, council: { proposal: proposalView({ status: 'declined', reason, canSign: false }) } })
  const page = await weapp.launch('/pages-council/proposal/index?id=pp-1')
  await page.find('居委会没有采纳')
  await page.find('居委会没有采纳的原因')
  await page.find(reason)
  expect(page.has('联署')).toBe(false)
})
