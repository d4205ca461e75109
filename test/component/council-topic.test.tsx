import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import CouncilTopicPage from '@/pages-council/topic/index'
import { errorText } from '@/services/error-text'
import { promptSubscribe } from '@/services/subscribe-prompt'
import { ruleWords } from '@/services/council-labels'
import { success, type MyBallot, type TopicDetail } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap, typeInto } from './support/fields'
import {
  at, ballotsHash, choicesOptions, closedTopic, commentView, DAY, HOUR, myBallot, myReceipt, topicDetail, topicResult,
} from './support/council-fixtures'
import { photoView } from './support/request-fixtures'
import { routerParams, shareCard } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))
jest.mock('@/services/subscribe-prompt', () => ({ promptSubscribe: jest.fn(async () => null) }))

const noComments = () => success({ items: [], nextCursor: null })

/** A topic the fake server keeps: `topic` answers what it holds now, `vote` changes its ballot as the function would. */
function topicServer(start: TopicDetail, extra: Parameters<typeof answer>[0] = {}) {
  let held = start
  return answer({
    'council.topic': () => success(held),
    'council.comments': noComments,
    'council.vote': (input) => {
      const ballot: MyBallot = myBallot({ options: (input as { options: string[] }).options, castAt: at + 2 * DAY })
      held = { ...held, myBallot: ballot, turnout: held.turnout && { ...held.turnout, voted: held.turnout.voted + (held.myBallot.options ? 0 : 1) } }
      return success(ballot)
    },
    ...extra,
  })
}

describe('a topic’s page: what is asked, how it is decided, my ballot — sealed until the close', () => {
  beforeEach(() => {
    routerParams.id = 'tp-1'
  })
  afterEach(() => jest.restoreAllMocks())

  test('a link without an id says it was not found instead of loading forever', async () => {
    delete routerParams.id
    const calls = answer({})
    render(<CouncilTopicPage />)
    expect(await screen.findByRole('alert')).toHaveTextContent(errorText.NOT_FOUND)
    expect(calls.filter((c) => c.fn === 'council')).toEqual([])
  })

  test('while voting: the background, scope, unit, options, the rule in words, the window and the turnout — and no count per option even if the answer (wrongly) carried one', async () => {
    topicServer(topicDetail({ result: topicResult() }))
    render(<CouncilTopicPage />)
    expect(await screen.findByText('在3号楼旁边建电动自行车充电棚')).toBeInTheDocument()
    expect(screen.getByText('正在投票，3月10日 18:00 截止。')).toBeInTheDocument()
    expect(screen.getByText(/楼道里停电动车/)).toBeInTheDocument()
    expect(screen.getByText('康乐社区')).toBeInTheDocument()
    expect(screen.getByText('每户一票')).toBeInTheDocument()
    expect(screen.getByText('赞成、反对、弃权')).toBeInTheDocument()
    expect(screen.getByText(ruleWords.majority)).toBeInTheDocument()
    expect(screen.getByText('至少 50% 参加投票，结果才算数。')).toBeInTheDocument()
    expect(screen.getByText('3月4日 09:00 到 3月10日 18:00')).toBeInTheDocument()
    expect(screen.getByText('已投 37 / 共 120 户')).toBeInTheDocument()
    expect(screen.queryByText('投票结果')).toBeNull()
    expect(screen.queryByText(/52|18 票|ballots/)).toBeNull()
    expect(document.querySelectorAll('.council-counts__row')).toHaveLength(0)
    expect(screen.queryByText(ballotsHash)).toBeNull()
    expect(screen.queryByText('查看全部投票记录')).toBeNull()
  })

  test('voting sends the picked answer, asks to hear the result, and shows what my household chose, changeable until the close', async () => {
    const calls = topicServer(topicDetail(), {
      'directory.mySubscriptions': () => success([{ kind: 'progress', templateId: 'tmpl-progress', remaining: 0, always: false }, { kind: 'newWork', templateId: 'tmpl-new', remaining: 0, always: false }]),
    })
    render(<CouncilTopicPage />)
    await screen.findByText('您家的投票')
    await waitFor(() => expect(inputsOf(calls, 'mySubscriptions')).toHaveLength(1))
    await tap('投票')
    expect(await screen.findByText('请先选一项。')).toBeInTheDocument()
    expect(inputsOf(calls, 'vote')).toEqual([])

    await tap('反对')
    await tap('投票')
    expect(await screen.findByText('您家已投票：反对')).toBeInTheDocument()
    expect(jest.mocked(promptSubscribe)).toHaveBeenCalledWith(['tmpl-progress'])
    expect(inputsOf(calls, 'vote')).toEqual([{ topicId: 'tp-1', options: ['no'] }])
    expect(screen.getByText('3月10日 18:00 截止前还可以改，以最后一次为准。家里谁来改都算这一票。')).toBeInTheDocument()
    // When she voted, in words that cannot be taken for the voting window (怎么投、怎么算's 投票时间).
    expect(screen.getByText('您家是 3月5日 09:00 投的')).toBeInTheDocument()
    // The turnout is read again: a vote answers the ballot, not the count it moved.
    expect(await screen.findByText('已投 38 / 共 120 户')).toBeInTheDocument()

    await tap('改投')
    await tap('赞成')
    await tap('改成这个')
    expect(await screen.findByText('您家已投票：赞成')).toBeInTheDocument()
    expect(inputsOf(calls, 'vote')).toEqual([{ topicId: 'tp-1', options: ['no'] }, { topicId: 'tp-1', options: ['yes'] }])
    expect(screen.getByText('已投 38 / 共 120 户')).toBeInTheDocument()
  })

  test('a ballot of choices takes at most maxPicks, says so at the one too many, and sends the picks in the options’ order', async () => {
    const calls = topicServer(topicDetail({ options: choicesOptions, unit: 'person' }))
    render(<CouncilTopicPage />)
    expect(await screen.findByText('您的选择（最多 2 项，已选 0 项）')).toBeInTheDocument()
    expect(screen.getByText('增加路灯、修补道路、增设座椅、种植绿化（每票最多选 2 项）')).toBeInTheDocument()
    await tap('修补道路')
    await tap('增加路灯')
    await tap('增设座椅')
    expect(await screen.findByText('最多只能选 2 项。想换一项，请先点掉一项。')).toBeInTheDocument()
    expect(screen.getByText('您的选择（最多 2 项，已选 2 项）')).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: '增设座椅' })).toHaveAttribute('aria-checked', 'false')
    await tap('投票')
    expect(await screen.findByText('您已投票：增加路灯、修补道路')).toBeInTheDocument()
    expect(inputsOf(calls, 'vote')).toEqual([{ topicId: 'tp-1', options: ['c0', 'c1'] }])
  })

  test('a neighbour who may not vote reads why, in the server’s words, and gets no ballot', async () => {
    topicServer(topicDetail({ rule: 'art278', relations: ['resident'], myBallot: myBallot({ eligible: false, reason: '业主共同决定的事只有业主能投票，您登记的是租户。' }) }))
    render(<CouncilTopicPage />)
    expect(await screen.findByText('这次您不能投票')).toBeInTheDocument()
    expect(screen.getByText('业主共同决定的事只有业主能投票，您登记的是租户。')).toBeInTheDocument()
    expect(screen.getByText(ruleWords.art278)).toBeInTheDocument()
    expect(screen.queryByText('投票')).toBeNull()
    expect(screen.queryByText(/最少参加|至少 50%/)).toBeNull()
  })

  test('before voting opens the page says when, and offers the discussion but no ballot', async () => {
    topicServer(topicDetail({ status: 'deliberating', turnout: null, electorate: null }))
    render(<CouncilTopicPage />)
    expect(await screen.findByText('还没开始投票')).toBeInTheDocument()
    expect(screen.getByText('大家正在讨论，3月4日 09:00 开始投票。')).toBeInTheDocument()
    expect(screen.getByText('说说您的看法')).toBeInTheDocument()
    expect(screen.queryByText('投票')).toBeNull()
  })

  test('after the close: the verdict, every count with its label, the turnout and quorum, the proof hash and my receipt — and every line on request', async () => {
    const lines = ['1c2e… no', myReceipt, 'f00d… yes']
    const calls = topicServer(closedTopic(), { 'council.proof': () => success({ hash: ballotsHash, lines, total: 3, nextCursor: null }) })
    render(<CouncilTopicPage />)
    expect(await screen.findByText('投票结果')).toBeInTheDocument()
    expect(screen.getByText('通过')).toBeInTheDocument()
    const counts = Array.from(document.querySelectorAll('.council-counts__row')).map((row) => row.textContent)
    expect(counts).toEqual(['赞成52 票', '反对18 票', '弃权6 票'])
    expect(screen.getByText('参加投票：76 户，共 120 户。')).toBeInTheDocument()
    expect(screen.getByText('参加的达到了 50%，结果算数。')).toBeInTheDocument()
    expect(screen.getByText('您家投的是：赞成')).toBeInTheDocument()
    expect(screen.getByText(ballotsHash)).toBeInTheDocument()
    expect(screen.getByText(myReceipt)).toBeInTheDocument()
    expect(screen.queryByText('改投')).toBeNull()

    await tap('查看全部投票记录')
    expect(await screen.findByText('全部投票记录，共 3 条')).toBeInTheDocument()
    expect(inputsOf(calls, 'proof')).toEqual([{ topicId: 'tp-1', limit: 500 }])
    expect(screen.getByText('1c2e… no')).toBeInTheDocument()
    expect(screen.getByText(`${myReceipt}（您家）`)).toBeInTheDocument()
    expect(screen.getByText('✓ 您家这一票在第 2 条')).toBeInTheDocument()
    expect(screen.getByText(/yes = 赞成；no = 反对；abstain = 弃权/)).toBeInTheDocument()
    expect(screen.getByText('已显示 3 条，共 3 条')).toBeInTheDocument()
    expect(screen.queryByText('加载更多')).toBeNull()
  })

  // What this test asks is the paging, not how fast jsdom is: twelve taps re-render up to 1,200 lines,
  // some 7,800 custom elements in all, which took 5.2 s alone at load 3.7 on 2 cores (4 s when quiet).
  test('a long proof comes a page at a time: the total is said, my line is looked for in the pages loaded, 加载更多 shows and fetches the rest', async () => {
    // 1,200 ballots: 500 a page; my household's line is the 1,101st.
    const all = Array.from({ length: 1200 }, (_, i) => (i === 1100 ? myReceipt : `${String(i).padStart(64, '0')} no`))
    const calls = topicServer(closedTopic(), {
      'council.proof': (input) => {
        const { cursor, limit = 500 } = input as { cursor?: string; limit?: number }
        const from = cursor ? Number(cursor) : 0
        const next = from + limit < all.length ? String(from + limit) : null
        return success({ hash: ballotsHash, lines: all.slice(from, from + limit), total: all.length, nextCursor: next })
      },
    })
    render(<CouncilTopicPage />)
    await tap('查看全部投票记录')
    expect(await screen.findByText('全部投票记录，共 1200 条')).toBeInTheDocument()
    expect(screen.getByText('已读取的 500 条里还没有您家这一行，点“加载更多”接着找。')).toBeInTheDocument()
    expect(screen.getByText('已显示 100 条，共 1200 条')).toBeInTheDocument()
    expect(document.querySelectorAll('.council-proof__line')).toHaveLength(100)

    // Four more steps show the first page's 500; the fifth fetches the next page.
    for (let step = 0; step < 4; step += 1) await tap('加载更多')
    expect(screen.getByText('已显示 500 条，共 1200 条')).toBeInTheDocument()
    expect(inputsOf(calls, 'proof')).toEqual([{ topicId: 'tp-1', limit: 500 }])
    await tap('加载更多')
    expect(await screen.findByText('已显示 600 条，共 1200 条')).toBeInTheDocument()
    expect(inputsOf(calls, 'proof')).toEqual([{ topicId: 'tp-1', limit: 500 }, { topicId: 'tp-1', limit: 500, cursor: '500' }])
    expect(screen.getByText('已读取的 1000 条里还没有您家这一行，点“加载更多”接着找。')).toBeInTheDocument()

    for (let step = 0; step < 4; step += 1) await tap('加载更多')
    await tap('加载更多')
    expect(await screen.findByText('✓ 您家这一票在第 1101 条')).toBeInTheDocument()
    expect(inputsOf(calls, 'proof')).toHaveLength(3)
    expect(screen.getByText('已显示 1100 条，共 1200 条')).toBeInTheDocument()
    await tap('加载更多')
    expect(await screen.findByText(`${myReceipt}（您家）`)).toBeInTheDocument()
    expect(screen.getByText('已显示 1200 条，共 1200 条')).toBeInTheDocument()
    expect(screen.queryByText('加载更多')).toBeNull()
  }, 30_000)

  test('a receipt missing from every page of the proof is said plainly', async () => {
    topicServer(closedTopic(), { 'council.proof': () => success({ hash: ballotsHash, lines: ['1c2e… no'], total: 1, nextCursor: null }) })
    render(<CouncilTopicPage />)
    await tap('查看全部投票记录')
    expect(await screen.findByText('全部 1 条里没有找到您家这一行，请联系居委会核对。')).toBeInTheDocument()
  })

  test('a window that ends when a Beijing day ends reads as 24:00 of that day, not 00:00 of the next', async () => {
    const midnight = Date.UTC(2025, 2, 10, 16) // 00:00 on 11 March in Beijing
    topicServer(topicDetail({ closesAt: midnight, myBallot: myBallot({ options: ['yes'], castAt: at + 2 * DAY }) }))
    render(<CouncilTopicPage />)
    expect(await screen.findByText('正在投票，3月10日 24:00 截止。')).toBeInTheDocument()
    expect(screen.getByText('3月4日 09:00 到 3月10日 24:00')).toBeInTheDocument()
    expect(screen.getByText(/^3月10日 24:00 截止前还可以改/)).toBeInTheDocument()
    expect(screen.queryByText(/3月11日 00:00/)).toBeNull()
  })

  test('a yes/no topic that passed says 通过 once, with no 采纳：赞成 beside it', async () => {
    topicServer(closedTopic({ result: topicResult({ adopted: ['yes'] }) }))
    render(<CouncilTopicPage />)
    expect(await screen.findByText('通过')).toBeInTheDocument()
    expect(screen.queryByText(/^采纳：/)).toBeNull()
  })

  test('a cancelled topic says why, in the committee’s words, and offers no ballot', async () => {
    topicServer(topicDetail({ status: 'cancelled', turnout: null, cancelReason: '物业已经答应直接建充电棚，不用再投票' }))
    render(<CouncilTopicPage />)
    expect(await screen.findByText('取消的原因：物业已经答应直接建充电棚，不用再投票')).toBeInTheDocument()
    expect(screen.getByText('这个议题已经取消，不再投票。')).toBeInTheDocument()
    expect(screen.queryByText('您家的投票')).toBeNull()
    expect(screen.queryByText('投票')).toBeNull()
  })

  test('under art. 278 the result gives the owners’ headcount and area in words; no quorum and not decided say so', async () => {
    const owners = { eligibleOwners: 120, eligibleArea: 10_250.5, votedOwners: 70, votedArea: 6_010.25, yesOwners: 40, yesArea: 3_400 }
    topicServer(closedTopic({ rule: 'art278', result: topicResult({ verdict: 'noQuorum', quorumMet: false, owners, counts: { yes: 40, no: 30 } }) }))
    render(<CouncilTopicPage />)
    expect(await screen.findByText('参加的人不够，不算数')).toBeInTheDocument()
    expect(screen.getByText('参加表决的业主不到三分之二，结果不算数。')).toBeInTheDocument()
    expect(screen.getByText('范围里的业主：120 户，专有面积共 10250.5 平方米。')).toBeInTheDocument()
    expect(screen.getByText('参加表决：70 户，面积 6010.25 平方米。')).toBeInTheDocument()
    expect(screen.getByText('同意：40 户，面积 3400 平方米。')).toBeInTheDocument()
    const counts = Array.from(document.querySelectorAll('.council-counts__row')).map((row) => row.textContent)
    expect(counts).toEqual(['赞成40 票', '反对30 票', '弃权0 票'])
  })

  test('a decided choices topic names the adopted choices by their words', async () => {
    topicServer(closedTopic({ options: choicesOptions, result: topicResult({ counts: { c0: 10, c1: 44, c2: 3, c3: 20 }, adopted: ['c1', 'c3'] }), myBallot: myBallot({ options: ['c1'] }) }))
    render(<CouncilTopicPage />)
    expect(await screen.findByText('采纳：修补道路、种植绿化')).toBeInTheDocument()
    const counts = Array.from(document.querySelectorAll('.council-counts__row')).map((row) => row.textContent)
    expect(counts).toEqual(['增加路灯10 票', '修补道路44 票', '增设座椅3 票', '种植绿化20 票'])
    expect(screen.getByText('您家投的是：修补道路')).toBeInTheDocument()
  })

  test('the follow-through is a timeline, newest first, with its photos', async () => {
    const photo = photoView('cloud://jucun-test.6a75-jucun-test-1300000000/council/staff/20250315/shed.jpg')
    topicServer(
      closedTopic({
        status: 'following',
        followStage: 'inProgress',
        updates: [
          { at: at + 10 * DAY, stage: 'planned', text: '已报街道，列入本月计划。', photos: [] },
          { at: at + 14 * DAY, stage: 'inProgress', text: '充电棚开始施工，预计两周完工。', photos: [photo] },
        ],
      }),
    )
    render(<CouncilTopicPage />)
    expect(await screen.findByText('落实进展')).toBeInTheDocument()
    expect(screen.getByText('落实：正在办')).toBeInTheDocument()
    const whats = Array.from(document.querySelectorAll('.timeline__what')).map((node) => node.textContent)
    expect(whats).toEqual(['正在办', '已列入计划'])
    expect(screen.getByLabelText('正在办照片第 1 张')).toBeInTheDocument()
  })

  test('the 议事会’s minutes show on the topic page for every reader, newest first, with the date of each', async () => {
    topicServer(
      topicDetail({
        minutes: [
          { at: at + DAY, text: '第一次议事会：物业介绍了两个选址。', photos: [] },
          { at: at + 2 * DAY, text: '议事会商定：充电棚由物业出资，居民按次付费。', photos: [] },
        ],
      }),
    )
    render(<CouncilTopicPage />)
    expect(await screen.findByText('议事会纪要')).toBeInTheDocument()
    const section = screen.getByText('议事会纪要').closest('.section') as HTMLElement
    const minutes = Array.from(section.querySelectorAll('.timeline__note')).map((node) => node.textContent)
    expect(minutes).toEqual(['议事会商定：充电棚由物业出资，居民按次付费。', '第一次议事会：物业介绍了两个选址。'])
    expect(screen.getByText('3月5日 09:00')).toBeInTheDocument()
  })

  test('comments show who spoke in which role, replies under their comment, a hidden one’s reason; mine and my reply send the right input and show at once', async () => {
    const comments = [
      commentView(),
      commentView({ _id: 'cm-2', parentId: 'cm-1', authorName: '物业张经理', role: 'property', text: '会装两个灭火器。', at: at + 4 * HOUR }),
      commentView({ _id: 'cm-3', authorName: '赵*', text: null, hidden: { reason: '含有他人电话号码', at: at + 5 * HOUR } }),
    ]
    const calls = topicServer(topicDetail(), {
      'council.comments': () => success({ items: comments, nextCursor: null }),
      'council.comment': (input) => {
        const { text, parentId } = input as { text: string; parentId?: string }
        return success(commentView({ _id: parentId ? 'cm-5' : 'cm-4', parentId: parentId ?? null, authorName: '王秀英', text, mine: true, at: at + DAY }))
      },
    })
    render(<CouncilTopicPage />)
    expect(await screen.findByText('充电棚要装监控和灭火器。')).toBeInTheDocument()
    expect(screen.getByText('物业')).toBeInTheDocument()
    expect(screen.getByText('已被居委会隐藏：含有他人电话号码')).toBeInTheDocument()
    const reply = screen.getByText('会装两个灭火器。')
    expect(reply.closest('.council-thread__reply')).not.toBeNull()
    // A reply answers a comment: one level, so replies and hidden comments offer no 回复.
    expect(screen.getAllByText('回复')).toHaveLength(1)
    expect(screen.queryByText('隐藏')).toBeNull()

    await tap('发表')
    expect(await screen.findByText('请先写几句。')).toBeInTheDocument()
    await typeInto('写下您的想法和理由', '  我赞成，晚上十点后别充电  ')
    await tap('发表')
    expect(await screen.findByText('王秀英（我）')).toBeInTheDocument()
    expect(screen.getByText('我赞成，晚上十点后别充电')).toBeInTheDocument()

    // Mine shows first, right under the box; the reply goes to 李*'s comment.
    expect(screen.getByText('王秀英（我）').compareDocumentPosition(screen.getByText('充电棚要装监控和灭火器。')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    fireEvent.click(within(screen.getByText('充电棚要装监控和灭火器。').closest('.council-thread') as HTMLElement).getByText('回复'))
    await typeInto('写下您的回复', '监控谁来装？')
    await tap('发表回复')
    expect(await screen.findByText('监控谁来装？')).toBeInTheDocument()
    expect(screen.getByText('监控谁来装？').closest('.council-thread__reply')).not.toBeNull()
    const key = expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/)
    const sent = inputsOf(calls, 'comment') as { idempotencyKey: string }[]
    expect(sent).toEqual([
      { topicId: 'tp-1', idempotencyKey: key, text: '我赞成，晚上十点后别充电' },
      { topicId: 'tp-1', idempotencyKey: key, text: '监控谁来装？', parentId: 'cm-1' },
    ])
    // Each comment its own key: only a retry of the same one reuses it.
    expect(sent[0].idempotencyKey).not.toBe(sent[1].idempotencyKey)
  })

  test('the committee hides a comment with the reason everyone then reads in its place', async () => {
    const calls = topicServer(topicDetail({ relations: ['committee'], myBallot: myBallot({ eligible: false, reason: '您没有绑定这个范围里的房屋。' }) }), {
      'council.comments': () => success({ items: [commentView()], nextCursor: null }),
      'council.hideComment': (input) => success(commentView({ text: null, hidden: { reason: (input as { reason: string }).reason, at: at + DAY } })),
    })
    render(<CouncilTopicPage />)
    await tap('隐藏')
    await typeInto('例如：含有对邻居的人身攻击', '含有人身攻击')
    await tap('确认隐藏')
    expect(await screen.findByText('已被居委会隐藏：含有人身攻击')).toBeInTheDocument()
    expect(inputsOf(calls, 'hideComment')).toEqual([{ commentId: 'cm-1', reason: '含有人身攻击' }])
    expect(screen.queryByText('充电棚要装监控和灭火器。')).toBeNull()
  })

  test('after the close the discussion is read-only', async () => {
    topicServer(closedTopic(), { 'council.comments': () => success({ items: [commentView()], nextCursor: null }) })
    render(<CouncilTopicPage />)
    expect(await screen.findByText('充电棚要装监控和灭火器。')).toBeInTheDocument()
    expect(screen.queryByText('说说您的看法')).toBeNull()
    expect(screen.queryByText('回复')).toBeNull()
  })

  test('shared to a chat or the timeline, the card carries the title and opens this topic', async () => {
    topicServer(topicDetail())
    render(<CouncilTopicPage />)
    await screen.findByText('在3号楼旁边建电动自行车充电棚')
    expect(shareCard()).toEqual({
      app: { title: '在3号楼旁边建电动自行车充电棚', path: '/pages-council/topic/index?id=tp-1' },
      timeline: { title: '在3号楼旁边建电动自行车充电棚', query: 'id=tp-1' },
    })
  })
})
