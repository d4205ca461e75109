import { fireEvent, render, screen, within } from '@testing-library/react'
import HomePage from '@/pages/home/index'
import MessagesPage from '@/pages/messages/index'
import CouncilHomePage from '@/pages-council/home/index'
import { success } from '@/types'
import { answer, inputsOf, quietHome } from './support/fake-call'
import { tap } from './support/fields'
import { household, whoami } from './support/fixtures'
import { at, proposalView, topicItem } from './support/council-fixtures'
import { navigations } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const verified = whoami({ roles: ['resident', 'verifiedResident'], household })
const page = <T,>(items: T[]) => success({ items, nextCursor: null })

describe('the ways into 邻里议事厅 and its hub', () => {
  test('首页’s 邻里议事厅 opens the hub, no longer “coming soon”', async () => {
    // 首页 also reads the badge's count (fake-call answers 0), my open items and who to ring.
    answer(quietHome)
    render(<HomePage />)
    await tap('邻里议事厅')
    expect(navigations).toEqual(['/pages-council/home/index'])
    expect(screen.queryByText('即将开放')).toBeNull()
  })

  test('正在议 lists my scope’s topics with the deadline and whether my ballot is in; each opens its page', async () => {
    const calls = answer({
      'directory.whoami': () => success(verified),
      'council.listTopics': () =>
        page([
          topicItem(),
          topicItem({ _id: 'tp-2', title: '小区东门晚上十点后是否关闭', voted: true }),
          topicItem({ _id: 'tp-3', title: '1号楼楼道加装扶手', status: 'deliberating' }),
        ]),
    })
    render(<CouncilHomePage />)
    expect(await screen.findByText('在3号楼旁边建电动自行车充电棚')).toBeInTheDocument()
    expect(inputsOf(calls, 'listTopics')).toEqual([{ view: 'open', limit: 20 }])
    expect(screen.getAllByText('3月10日 18:00 截止')).toHaveLength(2)
    expect(screen.getByText('还没投票')).toBeInTheDocument()
    expect(screen.getByText('✓ 已投票，截止前还能改')).toBeInTheDocument()
    expect(screen.getByText('3月4日 09:00 开始投票')).toBeInTheDocument()
    // Proposing lives with the proposals.
    expect(screen.queryByText('我要提议')).toBeNull()
    fireEvent.click(screen.getByText('小区东门晚上十点后是否关闭'))
    expect(navigations).toEqual(['/pages-council/topic/index?id=tp-2'])
  })

  test('a topic I may not vote on never says 还没投票: while voting it says I cannot; decided, nothing about my ballot', async () => {
    answer({
      'directory.whoami': () => success(verified),
      'council.listTopics': (input) =>
        (input as { view: string }).view === 'decided'
          ? page([topicItem({ status: 'closed', verdict: 'decided', eligible: false })])
          : page([
              topicItem({ title: '翠湖苑外墙维修动用维修资金', eligible: false }),
              topicItem({ _id: 'tp-2', title: '小区东门晚上十点后是否关闭' }),
              topicItem({ _id: 'tp-3', title: '1号楼楼道加装扶手', status: 'deliberating', eligible: false }),
            ]),
    })
    render(<CouncilHomePage />)
    const cannot = (await screen.findByText('翠湖苑外墙维修动用维修资金')).closest('.council-card') as HTMLElement
    expect(within(cannot).getByText('您不能投这个票')).toBeInTheDocument()
    expect(within(cannot).queryByText('还没投票')).toBeNull()
    const may = screen.getByText('小区东门晚上十点后是否关闭').closest('.council-card') as HTMLElement
    expect(within(may).getByText('还没投票')).toBeInTheDocument()
    const later = screen.getByText('1号楼楼道加装扶手').closest('.council-card') as HTMLElement
    expect(within(later).getByText('您不能投这个票')).toBeInTheDocument()
    expect(screen.getAllByText('还没投票')).toHaveLength(1)

    await tap('已决定')
    expect(await screen.findByText('结果：通过')).toBeInTheDocument()
    expect(screen.queryByText(/您不能投这个票|还没投票/)).toBeNull()
  })

  test('a card’s deadline at the end of a Beijing day reads 24:00 of that day', async () => {
    answer({ 'directory.whoami': () => success(verified), 'council.listTopics': () => page([topicItem({ closesAt: Date.UTC(2025, 2, 10, 16) })]) })
    render(<CouncilHomePage />)
    expect(await screen.findByText('3月10日 24:00 截止')).toBeInTheDocument()
  })

  test('已决定 shows each topic’s verdict and how far its follow-through got', async () => {
    const calls = answer({
      'directory.whoami': () => success(verified),
      'council.listTopics': (input) =>
        (input as { view: string }).view === 'decided'
          ? page([topicItem({ status: 'following', verdict: 'decided', followStage: 'inProgress' }), topicItem({ _id: 'tp-2', title: '增设健身器材', status: 'closed', verdict: 'noQuorum' })])
          : page([]),
    })
    render(<CouncilHomePage />)
    expect(await screen.findByText('现在没有正在商量的事。')).toBeInTheDocument()
    await tap('已决定')
    expect(await screen.findByText('结果：通过')).toBeInTheDocument()
    expect(screen.getByText('落实：正在办')).toBeInTheDocument()
    expect(screen.getByText('结果：参加的人不够，不算数')).toBeInTheDocument()
    expect(screen.queryByText(/截止|还没投票/)).toBeNull()
    expect(inputsOf(calls, 'listTopics')).toEqual([{ view: 'open', limit: 20 }, { view: 'decided', limit: 20 }])
  })

  test('联署中 shows proposals with signatures against the threshold and the deadline; a verified resident may propose', async () => {
    const calls = answer({
      'directory.whoami': () => success(verified),
      'council.listTopics': () => page([]),
      'council.listProposals': () => page([proposalView(), proposalView({ _id: 'pp-2', title: '增设快递柜', signedByMe: true, signatures: 10, threshold: 10, status: 'awaitingDecision' })]),
    })
    render(<CouncilHomePage />)
    await screen.findByText('现在没有正在商量的事。')
    await tap('联署中')
    expect(await screen.findByText('已有 3 户联署，需要 10 户，还差 7 户')).toBeInTheDocument()
    expect(screen.getByText('3月17日 09:00 前凑够')).toBeInTheDocument()
    expect(screen.getByText('已有 10 户联署，需要 10 户，已经够了')).toBeInTheDocument()
    expect(screen.getByText('联署够了，等居委会决定')).toBeInTheDocument()
    expect(screen.getByText('✓ 我已联署')).toBeInTheDocument()
    expect(inputsOf(calls, 'listProposals')).toEqual([{ view: 'gathering', limit: 20 }])
    await tap('我要提议')
    fireEvent.click(screen.getByText('增设快递柜'))
    expect(navigations).toEqual(['/pages-council/propose/index', '/pages-council/proposal/index?id=pp-2'])
  })

  test('a resident not yet verified sees the proposals but no 我要提议', async () => {
    answer({ 'directory.whoami': () => success(whoami()), 'council.listTopics': () => page([]), 'council.listProposals': () => page([proposalView()]) })
    render(<CouncilHomePage />)
    await tap('联署中')
    expect(await screen.findByText('1号楼楼道加装扶手')).toBeInTheDocument()
    expect(screen.queryByText('我要提议')).toBeNull()
  })

  test('消息 about a topic or a proposal opens its page; a message naming its own page opens that', async () => {
    const item = (over: object) => ({ _id: 'm-1', audience: 'resident', action: 'ballotReceipt', kind: 'progress', title: '您家的投票已记录', body: '工作人员代您投的票已确认', at, ...over })
    answer({
      'requests.myMessages': () =>
        page([
          item({ topicId: 'tp-1' }),
          item({ _id: 'm-2', proposalId: 'pp-1', action: 'decline', title: '您的提议有了答复' }),
          item({ _id: 'm-3', topicId: 'tp-1', audience: 'staff', action: 'assistedWaiting', page: 'pages-council/assisted/index', title: '有代投的票待确认' }),
        ]),
    })
    render(<MessagesPage />)
    await tap('您家的投票已记录')
    await tap('您的提议有了答复')
    await tap('有代投的票待确认')
    expect(navigations).toEqual(['/pages-council/topic/index?id=tp-1', '/pages-council/proposal/index?id=pp-1', '/pages-council/assisted/index'])
  })
})
