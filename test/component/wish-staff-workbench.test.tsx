import { render, screen, waitFor } from '@testing-library/react'
import WorkbenchPage from '@/pages-staff/workbench/index'
import { failure, success, type ActionOutput } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap } from './support/fields'
import { registration, whoami } from './support/fixtures'
import { navigations } from './support/taro.mock'
import { memberRecord, wishItem } from './support/wish-staff-fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const forbidden = () => failure('FORBIDDEN', 'not yours')
const page = (count: number, nextCursor: string | null = null) =>
  success({ items: Array.from({ length: count }, (_, i) => wishItem({ _id: `wish-${i}` })), nextCursor })
const branch: ActionOutput<'wishes', 'branchOverview'> = {
  branch: { _id: 'br-grid-kangle-3', name: '康乐三网格党支部' }, unclaimed: [], lapsed: [], members: [memberRecord()], ranking: [],
}
const requestWork = {
  // 邻里议事厅 is council-staff-workbench.test.tsx's matter.
  'council.listProposals': forbidden,
  'council.listAssistedBallots': forbidden,
  'requests.inboxCounts': () => success({ overdue: 0, toAccept: 0, inHand: 0, awaitingRating: 0, review: null }),
  'directory.whoami': () => success(whoami()),
  'directory.listBindingRequests': () => success([]),
  'directory.listPartyRegistrations': forbidden,
}

describe('微心愿 on the workbench', () => {
  test('the reviewer sees how many wishes wait for 核实, and each entry opens its page', async () => {
    const calls = answer({ ...requestWork, 'wishes.listForReview': () => page(3), 'wishes.branchOverview': () => success(branch) })
    render(<WorkbenchPage />)
    expect(await screen.findByText('3 个待核实')).toBeInTheDocument()
    expect(inputsOf(calls, 'listForReview')).toEqual([{ queue: 'review', limit: 20 }])
    await tap('心愿核实')
    await tap('支部心愿')
    await tap('心愿墙')
    expect(navigations).toEqual(['/pages-wish/review/index', '/pages-wish/branch/index', '/pages-wish/wall/index'])
  })

  test('a full first page says there are more than it counted', async () => {
    answer({ ...requestWork, 'wishes.listForReview': () => page(20, 'c-2'), 'wishes.branchOverview': forbidden })
    render(<WorkbenchPage />)
    expect(await screen.findByText('20+ 个待核实')).toBeInTheDocument()
  })

  test('nothing waiting shows no badge', async () => {
    answer({ ...requestWork, 'wishes.listForReview': () => page(0), 'wishes.branchOverview': forbidden })
    render(<WorkbenchPage />)
    await screen.findByText('心愿核实')
    expect(screen.queryByText(/待核实$/)).not.toBeInTheDocument()
  })

  test('a grid worker who is no branch secretary gets no 支部心愿', async () => {
    const calls = answer({ ...requestWork, 'wishes.listForReview': () => page(1), 'wishes.branchOverview': forbidden })
    render(<WorkbenchPage />)
    await screen.findByText('1 个待核实')
    await waitFor(() => expect(inputsOf(calls, 'branchOverview')).toEqual([{}]))
    expect(screen.queryByText('支部心愿')).not.toBeInTheDocument()
    expect(screen.getByText('心愿墙')).toBeInTheDocument()
  })

  test('a branch secretary with no staff post reaches the branch view, and no review queue', async () => {
    answer({
      'council.listProposals': forbidden,
      'council.listAssistedBallots': forbidden,
      'requests.inboxCounts': forbidden,
      'directory.whoami': () => success(whoami()),
      'directory.listBindingRequests': forbidden,
      'directory.listPartyRegistrations': () => success([registration()]),
      'wishes.listForReview': forbidden,
      'wishes.branchOverview': () => success(branch),
    })
    render(<WorkbenchPage />)
    await tap('支部心愿')
    expect(navigations).toEqual(['/pages-wish/branch/index'])
    expect(screen.queryByText('心愿核实')).not.toBeInTheDocument()
    expect(screen.queryByText('这里是工作人员的页面')).not.toBeInTheDocument()
  })

  test('with no wish work at all the 微心愿 section is left out', async () => {
    answer({ ...requestWork, 'wishes.listForReview': forbidden, 'wishes.branchOverview': forbidden })
    render(<WorkbenchPage />)
    await screen.findByText('诉求收件箱')
    await waitFor(() => expect(screen.queryByText('心愿核实')).not.toBeInTheDocument())
    expect(screen.queryByText('微心愿')).not.toBeInTheDocument()
    expect(screen.queryByText('心愿墙')).not.toBeInTheDocument()
  })
})
