import { render, screen, within } from '@testing-library/react'
import DashboardPage from '@/pages-staff/dashboard/index'
import { success, type RequestRates } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap } from './support/fields'
import { whoami } from './support/fixtures'
import { at, HOUR, pinNow } from './support/request-fixtures'
import { signals } from './support/wish-staff-fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const rates = (over: Partial<RequestRates> = {}): RequestRates => ({
  dispatched: 12, responseCounted: 10, respondedOnTime: 9, rated: 8, resolved: 6, partly: 1, satisfied: 7, closedUnrated: 2, proactive: 3,
  responseRate: 0.9, resolutionRate: 0.75, satisfactionRate: 0.875, ...over,
})

const board = {
  byCommunity: [{ communityId: 'comm-kangle', communityName: '康乐社区', rates: rates() }],
  byGrid: [{ communityId: 'comm-kangle', gridId: 'grid-kangle-1', gridName: '康乐一网格', rates: rates({ rated: 0, resolved: 0, satisfied: 0, resolutionRate: null, satisfactionRate: null }) }],
  overdue: [{ requestId: 'rq-7', category: 'hazard', status: 'accepted', communityId: 'comm-kangle', gridId: 'grid-kangle-1', ownerId: 'staff-zhou', stage: 'resolve', dueAt: at, overdueMs: 50 * HOUR }],
  overdueTotal: 130,
} as const
// 微心愿's figures are wish-staff-dashboard.test.tsx's matter.
const noWishes = { totals: signals(), byBranch: [], byGrid: [] }

describe('the grid dashboard', () => {
  afterEach(() => jest.restoreAllMocks())

  test('shows the three rates with their counts, per community and grid, and the overdue list', async () => {
    // 00:30 on 4 March in Shanghai, still the 3rd in UTC: today is the 4th, ending at its midnight.
    pinNow(Date.UTC(2025, 2, 3, 16, 30))
    const calls = answer({
      'directory.whoami': () => success(whoami({ roles: ['resident', 'committee'], scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })),
      'requests.dashboard': () => success(board),
      'wishes.signals': () => success(noWishes),
    })
    render(<DashboardPage />)
    const community = (await screen.findByText('康乐社区')).closest('.rates') as HTMLElement
    expect(within(community).getByText('90%')).toBeInTheDocument()
    expect(within(community).getByText('75%')).toBeInTheDocument()
    expect(within(community).getByText('88%')).toBeInTheDocument()
    expect(within(community).getByText('按时响应 9 / 10 件')).toBeInTheDocument()
    const grid = screen.getByText('康乐一网格').closest('.rates') as HTMLElement
    expect(within(grid).getAllByText('暂无')).toHaveLength(2)
    expect(screen.getByText('超时清单（共 130 件，下面是最急的 1 件）')).toBeInTheDocument()
    expect(screen.getByText('办结超时 2 天（应在 3月3日 09:00 前）')).toBeInTheDocument()

    const [first] = inputsOf(calls, 'dashboard') as { scope: unknown; period: { from: number; to: number } }[]
    expect(first.scope).toEqual({ communityId: 'comm-kangle' })
    expect(first.period).toEqual({ from: Date.UTC(2025, 1, 2, 16, 0), to: Date.UTC(2025, 2, 4, 16, 0) })
    expect(first.period.to - first.period.from).toBe(30 * 24 * HOUR)
    await tap('近 7 天')
    await screen.findByText('康乐社区')
    const periods = (inputsOf(calls, 'dashboard') as { period: { from: number; to: number } }[]).map((p) => (p.period.to - p.period.from) / (24 * HOUR))
    expect(periods).toEqual([30, 7])
  })

  test('a grid worker sees one section per grid they serve', async () => {
    const calls = answer({
      'directory.whoami': () => success(whoami({ roles: ['resident', 'gridWorker'], scopes: { gridIds: ['grid-kangle-1', 'grid-kangle-2'], communityIds: [], streetIds: [], branchIds: [] } })),
      'requests.dashboard': () => success({ ...board, byCommunity: [] }),
      'wishes.signals': () => success(noWishes),
    })
    render(<DashboardPage />)
    expect(await screen.findAllByText('康乐一网格')).toHaveLength(2)
    expect((inputsOf(calls, 'dashboard') as { scope: unknown }[]).map((i) => i.scope)).toEqual([{ gridId: 'grid-kangle-1' }, { gridId: 'grid-kangle-2' }])
  })
})
