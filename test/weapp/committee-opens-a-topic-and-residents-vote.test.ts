import { failure, type ActionInput, type MyBallot, type TopicDetail } from '@/types'
import { dateTimeLine, startOfNextShanghaiDay } from '@/types/calendar'
import { bindingRequest, household, whoami } from '../component/support/fixtures'
import { ballotsHash, commentView, myBallot, topicDetail, topicItem, topicResult } from '../component/support/council-fixtures'
import { councilQueues, message } from './support/fixtures'
import { startWeapp } from './support/weapp'

const weapp = startWeapp()

// 康乐社区居委会 asks 康乐小区3号楼 whether to build a charging shed beside it; 王秀英 of 3号楼201 votes 赞成.
const DAY = 24 * 3_600_000
const TITLE = '在3号楼旁边建电动自行车充电棚'
const BACKGROUND = '楼道里停电动车、拉线充电，消防检查提了好几次。想在3号楼东侧空地建一个充电棚。'
const COMMENT = '我赞成，但希望晚上十点后不要充电'
const UPDATE = '已和物业签了施工合同，下周一开工'
const scope3 = { kind: 'buildings' as const, buildingIds: ['bldg-kl-3'] }

const committee = whoami({ userId: 'staff-huang', name: '康乐社区黄主任', roles: ['resident', 'committee'], scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })
const resident = whoami({ userId: 'openid-wang', roles: ['resident', 'verifiedResident'], household: { ...household, buildingId: 'bldg-kl-3', buildingName: '3号楼', room: '201室', householdId: 'hh-kl-3-201' } })

/** The topic as the function would answer it to a resident of 3号楼 (a voter) or to the committee. */
const asVoter = (topic: TopicDetail): TopicDetail => ({ ...topic, relations: ['voter', 'resident'], availableActions: [] })

test('the committee opens a topic over 3号楼 from the workbench: the electorate is counted first, and the terms are sent as picked', async () => {
  let opened: TopicDetail | null = null
  weapp.answer({
    directory: {
      whoami: committee,
      listBindingRequests: [bindingRequest()],
      listPartyRegistrations: failure('FORBIDDEN'),
      listCommunities: [{ id: 'comm-kangle', name: '康乐社区', type: '老公房' }],
      listBuildings: [
        { id: 'bldg-kl-1', name: '1号楼', estate: '康乐小区', gridId: 'grid-kangle-1' },
        { id: 'bldg-kl-3', name: '3号楼', estate: '康乐小区', gridId: 'grid-kangle-1' },
      ],
    },
    requests: { inboxCounts: { overdue: 0, toAccept: 0, inHand: 0, awaitingRating: 0, review: 0 } },
    wishes: { listForReview: { items: [], nextCursor: null }, branchOverview: failure('FORBIDDEN') },
    council: {
      ...councilQueues.committee,
      countElectorate: (input) => (input.scope.kind === 'buildings' ? { units: 12, households: 12 } : { units: 120, households: 120 }),
      openTopic: (input) =>
        (opened = topicDetail({
          _id: 'tp-1', title: input.title, background: input.background, scope: input.scope, scopeLabel: '康乐小区3号楼', opensAt: input.opensAt, closesAt: input.closesAt,
          status: 'voting', electorate: { units: 12, fixedAt: input.opensAt }, turnout: { voted: 0, eligible: 12 }, relations: ['committee'], myBallot: myBallot({ eligible: false, reason: '您家不在这个议题的范围内' }),
        })),
      topic: () => opened ?? failure('NOT_FOUND'),
      comments: { items: [], nextCursor: null },
    },
  })
  const mine = await weapp.launch('/pages/mine/index')
  await mine.tap('工作台')
  const workbench = await weapp.page('pages-staff/workbench/index')
  await workbench.find('邻里议事厅')
  // The form takes its days when it opens: a Beijing midnight between then and the send must not matter.
  const formOpened = Date.now()
  await workbench.tap('发起议题')

  const form = await weapp.page('pages-council/open/index')
  // Over the whole community first, counted before anything is typed.
  await form.find('这个范围现在有 120 户可以投票')
  await form.tap('选几栋楼')
  await form.tap('康乐小区 3号楼')
  await form.find('这个范围现在有 12 户可以投票')
  expect(weapp.cloudCalls('council', 'countElectorate').map((call) => call.input)).toEqual([
    { scope: { kind: 'community', communityIds: ['comm-kangle'] }, unit: 'household', rule: 'majority' },
    { scope: scope3, unit: 'household', rule: 'majority' },
  ])
  await form.type('议题', TITLE)
  await form.type('背景', BACKGROUND)
  const before = Date.now()
  await form.tap('发起议题')

  const page = await weapp.page('pages-council/topic/index')
  const [sent] = weapp.cloudCalls('council', 'openTopic').map((call) => call.input as ActionInput<'council', 'openTopic'>)
  expect(sent).toEqual({
    idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    title: TITLE,
    background: BACKGROUND,
    photos: [],
    unit: 'household',
    options: { kind: 'yesNo' },
    rule: 'majority',
    quorumPercent: 50,
    opensAt: expect.any(Number),
    closesAt: expect.any(Number),
    scope: scope3,
  })
  expect(sent.opensAt).toBeGreaterThanOrEqual(before)
  expect(sent.opensAt).toBeLessThanOrEqual(Date.now())
  // A week of voting from the day the form opened, to the end of the seventh day on (Beijing).
  expect([startOfNextShanghaiDay(formOpened + 7 * DAY), startOfNextShanghaiDay(Date.now() + 7 * DAY)]).toContain(sent.closesAt)
  await page.find(TITLE)
  // Voting ends when the last day ends: said as 24:00 of that day, not 00:00 of the next.
  const lastDay = dateTimeLine(sent.closesAt - 1).slice(0, -' 23:59'.length)
  await page.find(`正在投票，${lastDay} 24:00 截止。`)
  await page.find('已投 0 / 共 12 户')
  await page.find('康乐小区3号楼')
  expect(weapp.cloudCalls('council', 'topic').map((call) => call.input)).toEqual([{ topicId: 'tp-1' }])
  expect(weapp.toasts()).toContain('议题已发起')
  // Opened in place of the form: back goes to the workbench, not to a form already sent.
  expect(weapp.stack()).toEqual(['pages/mine/index', 'pages-staff/workbench/index', 'pages-council/topic/index'])
})

test('a resident of 3号楼 finds it from 首页 → 邻里议事厅, says her piece, votes 赞成, sees her ballot — and the list says she has voted', async () => {
  let held = asVoter(topicDetail({ scope: scope3, scopeLabel: '康乐小区3号楼', electorate: { units: 12, fixedAt: 0 }, turnout: { voted: 4, eligible: 12 } }))
  const said: ReturnType<typeof commentView>[] = []
  weapp.answer({
    directory: { whoami: resident },
    council: {
      listTopics: () => ({ items: [topicItem({ scopeLabel: '康乐小区3号楼', voted: held.myBallot.options !== null })], nextCursor: null }),
      topic: () => held,
      comments: () => ({ items: said, nextCursor: null }),
      comment: (input) => {
        const comment = commentView({ _id: `cm-${said.length + 1}`, authorName: '王秀英', text: input.text, mine: true })
        said.push(comment)
        return comment
      },
      vote: (input) => {
        const ballot: MyBallot = myBallot({ options: input.options, castAt: Date.now() })
        held = { ...held, myBallot: ballot, turnout: { voted: 5, eligible: 12 } }
        return ballot
      },
    },
  })
  const home = await weapp.launch('/pages/home/index')
  await home.tap('邻里议事厅')
  const hall = await weapp.page('pages-council/home/index')
  await hall.find('范围：康乐小区3号楼')
  await hall.find('还没投票')
  expect(weapp.cloudCalls('council', 'listTopics').map((call) => call.input)).toEqual([{ view: 'open', limit: 20 }])
  await hall.tap(TITLE)

  const page = await weapp.page('pages-council/topic/index')
  await page.find('已投 4 / 共 12 户')
  await page.find('赞成、反对、弃权')
  expect(weapp.cloudCalls('council', 'topic').map((call) => call.input)).toEqual([{ topicId: 'tp-1' }])

  await page.type('说说您的看法', COMMENT)
  await page.tap('发表')
  await page.find(COMMENT)
  await page.find('王秀英（我）')
  expect(weapp.cloudCalls('council', 'comment').map((call) => call.input)).toEqual([{ topicId: 'tp-1', idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), text: COMMENT }])

  await page.tap('赞成')
  await page.tap('投票')
  await page.find('您家已投票：赞成')
  expect(weapp.cloudCalls('council', 'vote').map((call) => call.input)).toEqual([{ topicId: 'tp-1', options: ['yes'] }])
  await page.find(`${dateTimeLine(held.closesAt)} 截止前还可以改，以最后一次为准。家里谁来改都算这一票。`)
  // The turnout her vote moved is read again; never a count per option while voting.
  await page.find('已投 5 / 共 12 户')
  expect(page.has(/\d+ 票$/)).toBe(false)
  expect(weapp.toasts()).toContain('投票成功')

  await weapp.back()
  await hall.find('✓ 已投票，截止前还能改')
  expect(hall.has('还没投票')).toBe(false)
})

test('after the close the resident reads the result and finds her line in the proof; the committee posts 发布进展, which reaches her 消息 and the page', async () => {
  const receipt = `${'9f86d081'.repeat(8)} yes`
  const lines = [`${'1c2e0000'.repeat(8)} no`, receipt, `${'f00d0000'.repeat(8)} yes`]
  const closed = topicDetail({
    scope: scope3, scopeLabel: '康乐小区3号楼', status: 'closed', electorate: { units: 12, fixedAt: 0 }, turnout: { voted: 3, eligible: 12 },
    result: topicResult({ counts: { yes: 2, no: 1, abstain: 0 }, eligibleUnits: 12, votedUnits: 3, quorumMet: false, verdict: 'noQuorum' }),
    myBallot: myBallot({ options: ['yes'], castAt: 0, receipt }),
  })
  let held: TopicDetail = closed
  weapp.answer({
    directory: { whoami: resident },
    council: {
      topic: () => held,
      comments: { items: [], nextCursor: null },
      proof: (input) => ({ hash: ballotsHash, lines: lines.slice(0, input.limit), total: lines.length, nextCursor: null }),
    },
  })
  const page = await weapp.launch('/pages-council/topic/index?id=tp-1')
  await page.find('投票结果')
  await page.find('参加的人不够，不算数')
  await page.find('参加投票：3 户，共 12 户。')
  await page.find('参加的不到 50%，结果不算数。')
  await page.find('您家投的是：赞成')
  await page.find(ballotsHash)
  await page.tap('查看全部投票记录')
  await page.find('全部投票记录，共 3 条')
  await page.find('✓ 您家这一票在第 2 条')
  await page.find(`${receipt}（您家）`)
  await page.find(lines[0])
  expect(weapp.cloudCalls('council', 'proof').map((call) => call.input)).toEqual([{ topicId: 'tp-1', limit: 500 }])

  // The committee, on the same page, posts what is being done about it.
  weapp.answer({
    directory: { whoami: committee },
    council: {
      topic: () => ({ ...held, relations: ['committee'], availableActions: ['postUpdate', 'finish'], myBallot: myBallot({ eligible: false }) }),
      postUpdate: (input) => {
        held = { ...held, status: 'following', followStage: input.stage, updates: [{ at: Date.now(), stage: input.stage, text: input.text, photos: [] }] }
        return { ...held, relations: ['committee'], availableActions: ['postUpdate', 'finish'] }
      },
    },
  })
  const staffPage = await weapp.launch('/pages-council/topic/index?id=tp-1')
  await staffPage.tap('发布进展')
  await staffPage.tap('已列入计划')
  await staffPage.type('进展', UPDATE)
  await staffPage.tap('发布进展')
  await staffPage.find('落实进展')
  expect(weapp.cloudCalls('council', 'postUpdate').map((call) => call.input)).toEqual([{ topicId: 'tp-1', stage: 'planned', text: UPDATE, photos: [] }])
  expect(weapp.toasts()).toContain('进展已发布')

  // The resident: the notice under 消息 opens the topic, whose timeline shows the update.
  weapp.answer({
    directory: { whoami: resident },
    council: { topic: () => held },
    requests: {
      myMessages: {
        items: [message({ _id: 'msg-t1', requestId: undefined, topicId: 'tp-1', page: 'pages-council/topic/index?id=tp-1', action: 'postUpdate', title: '议题有新进展', body: UPDATE })],
        nextCursor: null,
      },
    },
  })
  const messages = await weapp.launch('/pages/messages/index')
  await messages.find('议题有新进展')
  await messages.tap(UPDATE)
  const again = await weapp.page('pages-council/topic/index')
  await again.find('落实进展')
  await again.find('已列入计划')
  await again.find(UPDATE)
  await again.find('落实：已列入计划')
  expect(again.has('发布进展')).toBe(false)
  expect(weapp.stack()).toEqual(['pages/messages/index', 'pages-council/topic/index'])
})
