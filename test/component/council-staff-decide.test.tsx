import { render, screen, waitFor } from '@testing-library/react'
import DecideProposalsPage from '@/pages-council/decide/index'
import { failure, success, type ActionInput } from '@/types'
import { at, proposalView } from './support/council-fixtures'
import { answer, inputsOf } from './support/fake-call'
import { tap, typeInto } from './support/fields'
import { pinNow } from './support/request-fixtures'
import { navigations, toasts } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const waiting = proposalView({ status: 'awaitingDecision', signatures: 12, threshold: 10, availableActions: ['accept', 'decline'] })
const toDecide = {
  'council.listProposals': () => success({ items: [waiting], nextCursor: null }),
  // 1号楼 holds 24 households today.
  'council.countElectorate': () => success({ units: 24, households: 24 }),
}

const cardOf = async (title: string) => (await screen.findByText(title)).closest('.council-decision') as HTMLElement

describe('待决定的提议: the committee decides what residents proposed', () => {
  beforeEach(() => pinNow(at))
  afterEach(() => jest.restoreAllMocks())

  test('accepting counts who may vote in the proposal’s scope first, gives the topic its terms, and leads to the new topic', async () => {
    const calls = answer({
      ...toDecide,
      'council.decideProposal': () => success(proposalView({ status: 'accepted', topicId: 'tp-7', signatures: 12 })),
    })
    render(<DecideProposalsPage />)
    const card = await cardOf('1号楼楼道加装扶手')
    expect(inputsOf(calls, 'listProposals')).toEqual([{ view: 'toDecide', limit: 20 }])
    await tap('采纳为议题')
    expect(screen.getByText('范围按提议：康乐小区 1号楼')).toBeInTheDocument()
    // The proposal's own scope, counted as the open page counts its pick (issue 8: "the electorate counted before opening").
    expect(await screen.findByText('这个范围现在有 24 户可以投票')).toBeInTheDocument()
    expect(inputsOf(calls, 'countElectorate')).toEqual([{ scope: { kind: 'buildings', buildingIds: ['bldg-kl-1'] }, unit: 'household', rule: 'majority' }])
    await waitFor(() => expect(card.querySelector('input[placeholder="例如：要不要在小区里加装电动车充电桩"]')).toHaveValue('1号楼楼道加装扶手'))
    await tap('采纳，发起议题')

    await waitFor(() => expect(inputsOf(calls, 'decideProposal')).toHaveLength(1))
    expect(inputsOf(calls, 'decideProposal')).toEqual([
      {
        proposalId: 'pp-1',
        decision: 'accept',
        topic: {
          title: '1号楼楼道加装扶手',
          background: '楼里老人多，上下楼没有扶手不安全，想请大家一起提议加装。',
          photos: [],
          unit: 'household',
          options: { kind: 'yesNo' },
          rule: 'majority',
          quorumPercent: 50,
          opensAt: at,
          closesAt: Date.UTC(2025, 2, 10, 16),
        },
      },
    ])
    expect(await screen.findByText('已采纳：1号楼楼道加装扶手')).toBeInTheDocument()
    expect(toasts).toEqual(['已采纳为议题'])
    await tap('看这个议题')
    expect(navigations).toEqual(['/pages-council/topic/index?id=tp-7'])
  })

  test('the count follows the rule picked, and a scope where nobody may vote cannot be accepted', async () => {
    const calls = answer({
      ...toDecide,
      'council.countElectorate': (input) =>
        success((input as ActionInput<'council', 'countElectorate'>).rule === 'art278' ? { units: 0, households: 24, ownerArea: 0 } : { units: 24, households: 24 }),
    })
    render(<DecideProposalsPage />)
    await tap('采纳为议题')
    expect(await screen.findByText('这个范围现在有 24 户可以投票')).toBeInTheDocument()
    await tap('业主共同决定（民法典第278条）')
    expect(await screen.findByText('这个范围现在没有人可以投票')).toBeInTheDocument()
    expect(inputsOf(calls, 'countElectorate')).toEqual([
      { scope: { kind: 'buildings', buildingIds: ['bldg-kl-1'] }, unit: 'household', rule: 'majority' },
      { scope: { kind: 'buildings', buildingIds: ['bldg-kl-1'] }, unit: 'household', rule: 'art278' },
    ])
    await tap('采纳，发起议题')
    expect(await screen.findByRole('alert')).toHaveTextContent('这个范围现在没有人可以投票，不能采纳；可以选“不采纳”并写明原因。')
    expect(inputsOf(calls, 'decideProposal')).toEqual([])
  })

  test('declining needs a reason everyone will read, then sends it', async () => {
    const reason = '这件事物业已经答应下个月办'
    const calls = answer({ ...toDecide, 'council.decideProposal': () => success(proposalView({ status: 'declined', reason })) })
    render(<DecideProposalsPage />)
    await tap('不采纳')
    await tap('确认不采纳')
    expect(await screen.findByRole('alert')).toHaveTextContent('请写一下原因。')
    expect(inputsOf(calls, 'decideProposal')).toEqual([])

    await typeInto('例如：这件事物业已经答应下个月办', ` ${reason} `)
    await tap('确认不采纳')
    expect(await screen.findByText(`原因：${reason}`)).toBeInTheDocument()
    expect(inputsOf(calls, 'decideProposal')).toEqual([{ proposalId: 'pp-1', decision: 'decline', reason }])
  })

  test('a proposal the server offers no decision on shows no buttons', async () => {
    answer({ 'council.listProposals': () => success({ items: [proposalView({ status: 'awaitingDecision' })], nextCursor: null }) })
    render(<DecideProposalsPage />)
    await screen.findByText('1号楼楼道加装扶手')
    expect(screen.queryByText('采纳为议题')).not.toBeInTheDocument()
    expect(screen.queryByText('不采纳')).not.toBeInTheDocument()
  })

  test('nothing waiting says so; someone not on the committee is told whose page it is', async () => {
    answer({ 'council.listProposals': () => success({ items: [], nextCursor: null }) })
    const { unmount } = render(<DecideProposalsPage />)
    expect(await screen.findByText('没有等待决定的提议。')).toBeInTheDocument()
    unmount()
    answer({ 'council.listProposals': () => failure('FORBIDDEN', 'committee only') })
    render(<DecideProposalsPage />)
    expect(await screen.findByText('这里是居委会的页面')).toBeInTheDocument()
  })
})
