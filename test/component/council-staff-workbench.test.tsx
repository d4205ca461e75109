import { render, screen, waitFor } from '@testing-library/react'
import WorkbenchPage from '@/pages-staff/workbench/index'
import { failure, success } from '@/types'
import { assistedBallot, proposalView } from './support/council-fixtures'
import { answer, inputsOf } from './support/fake-call'
import { whoami } from './support/fixtures'
import { tap } from './support/fields'
import { navigations } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const forbidden = () => failure('FORBIDDEN', 'not yours')
// Requests and 微心愿 are the other workbench tests' matter.
const otherWork = {
  'requests.inboxCounts': () => success({ overdue: 0, toAccept: 0, inHand: 0, awaitingRating: 0, review: null }),
  'directory.whoami': () => success(whoami()),
  'directory.listBindingRequests': forbidden,
  'directory.listPartyRegistrations': forbidden,
  'wishes.listForReview': forbidden,
  'wishes.branchOverview': forbidden,
}
const proposals = (count: number, nextCursor: string | null = null) =>
  success({ items: Array.from({ length: count }, (_, i) => proposalView({ _id: `pp-${i}`, status: 'awaitingDecision' })), nextCursor })

describe('邻里议事厅 on the workbench', () => {
  test('the committee sees how many proposals wait and how many colleagues’ ballots to confirm; each entry opens its page', async () => {
    const calls = answer({
      ...otherWork,
      'council.listProposals': () => proposals(2),
      'council.listAssistedBallots': () => success([assistedBallot(), assistedBallot({ _id: 'ab-2', mine: true })]),
    })
    render(<WorkbenchPage />)
    expect(await screen.findByText('2 个待决定')).toBeInTheDocument()
    // One's own entry waits for someone else, not for this person.
    expect(screen.getByText('1 张待确认')).toBeInTheDocument()
    expect(inputsOf(calls, 'listProposals')).toEqual([{ view: 'toDecide', limit: 20 }])
    expect(inputsOf(calls, 'listAssistedBallots')).toEqual([{ status: 'pending' }])
    await tap('发起议题')
    await tap('待决定的提议')
    await tap('代录投票与确认')
    await tap('每月一题')
    expect(navigations).toEqual(['/pages-council/open/index', '/pages-council/decide/index', '/pages-council/assisted/index', '/pages-council/monthly/index'])
  })

  test('a full first page says there are more than it counted; nothing waiting shows no badge', async () => {
    answer({ ...otherWork, 'council.listProposals': () => proposals(20, 'c-2'), 'council.listAssistedBallots': () => success([assistedBallot({ mine: true })]) })
    render(<WorkbenchPage />)
    expect(await screen.findByText('20+ 个待决定')).toBeInTheDocument()
    expect(screen.getByText('代录投票与确认')).toBeInTheDocument()
    expect(screen.queryByText(/张待确认$/)).not.toBeInTheDocument()
  })

  test('staff who decide no proposals get assisted voting only', async () => {
    answer({ ...otherWork, 'council.listProposals': forbidden, 'council.listAssistedBallots': () => success([]) })
    render(<WorkbenchPage />)
    expect(await screen.findByText('代录投票与确认')).toBeInTheDocument()
    expect(screen.getByText('邻里议事厅')).toBeInTheDocument()
    for (const entry of ['发起议题', '待决定的提议', '每月一题']) expect(screen.queryByText(entry)).not.toBeInTheDocument()
  })

  test('with no council work at all the section is left out', async () => {
    const calls = answer({ ...otherWork, 'council.listProposals': forbidden, 'council.listAssistedBallots': forbidden })
    render(<WorkbenchPage />)
    await screen.findByText('诉求收件箱')
    await waitFor(() => expect(inputsOf(calls, 'listAssistedBallots')).toHaveLength(1))
    expect(screen.queryByText('邻里议事厅')).not.toBeInTheDocument()
    expect(screen.queryByText('代录投票与确认')).not.toBeInTheDocument()
  })

  test('someone whose only work is the council is not told they have none', async () => {
    answer({ ...otherWork, 'requests.inboxCounts': forbidden,
      'directory.whoami': () => success(whoami()), 'council.listProposals': () => proposals(1), 'council.listAssistedBallots': forbidden })
    render(<WorkbenchPage />)
    expect(await screen.findByText('1 个待决定')).toBeInTheDocument()
    expect(screen.queryByText('这里是工作人员的页面')).not.toBeInTheDocument()
  })
})
