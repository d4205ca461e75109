import { render, screen, within } from '@testing-library/react'
import DashboardPage from '@/pages-staff/dashboard/index'
import { success } from '@/types'
import { board, noRates, rates, weeklyTrend } from './support/dashboard-fixtures'
import { answer, inputsOf } from './support/fake-call'
import { tap } from './support/fields'
import { whoami } from './support/fixtures'
import { at, HOUR, pinNow } from './support/request-fixtures'
import { signals } from './support/wish-staff-fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const kangle = board({
  byCommunity: [{ communityId: 'comm-kangle', communityName: '康乐社区', rates: rates() }],
  byGrid: [{ communityId: 'comm-kangle', gridId: 'grid-kangle-1', gridName: '康乐一网格', rates: rates({ rated: 0, resolved: 0, satisfied: 0, resolutionRate: null, satisfactionRate: null }) }],
  overdue: [{ requestId: 'rq-7', category: 'hazard', status: 'accepted', communityId: 'comm-kangle', gridId: 'grid-kangle-1', ownerId: 'staff-zhou', stage: 'resolve', dueAt: at, overdueMs: 50 * HOUR }],
  overdueTotal: 130,
})
// 微心愿's figures are wish-staff-dashboard.test.tsx's matter.
const noWishes = { totals: signals(), byBranch: [], byGrid: [] }
const scopes = (over: { gridIds?: string[]; communityIds?: string[]; streetIds?: string[] }) => ({ gridIds: [], communityIds: [], streetIds: [], branchIds: [], ...over })

const cardOf = (title: string) => screen.getByText(title, { selector: '.rates .card__title' }).closest('.rates') as HTMLElement
const titles = () => Array.from(document.querySelectorAll('.rates .card__title')).map((t) => t.textContent)
const values = (series: Element) => Array.from(series.querySelectorAll('.trend__value')).map((v) => v.textContent)
const spoken = (series: Element) => Array.from(series.querySelectorAll('.trend__col')).map((c) => c.getAttribute('aria-label'))
const heights = (series: Element) => Array.from(series.querySelectorAll<HTMLElement>('.trend__bar')).map((b) => b.style.height)
const seriesNamed = (name: string) => screen.getByText(name, { selector: '.trend__name' }).closest('.trend__series') as HTMLElement

describe('the grid dashboard', () => {
  afterEach(() => jest.restoreAllMocks())

  test('shows the three rates with their counts, per community and grid, and the overdue list, under the scope’s name', async () => {
    // 00:30 on 4 March in Shanghai, still the 3rd in UTC: today is the 4th, ending at its midnight.
    pinNow(Date.UTC(2025, 2, 3, 16, 30))
    const calls = answer({
      'directory.whoami': () => success(whoami({ roles: ['resident', 'committee'], scopes: scopes({ communityIds: ['comm-kangle'] }) })),
      'requests.dashboard': () => success(kangle),
      'wishes.signals': () => success(noWishes),
    })
    render(<DashboardPage />)
    await screen.findByText('康乐社区', { selector: '.rates .card__title' })
    const community = cardOf('康乐社区')
    expect(within(community).getByText('90%')).toBeInTheDocument()
    expect(within(community).getByText('75%')).toBeInTheDocument()
    expect(within(community).getByText('88%')).toBeInTheDocument()
    expect(within(community).getByText('按时响应 9 / 10 件')).toBeInTheDocument()
    expect(within(cardOf('康乐一网格')).getAllByText('暂无')).toHaveLength(2)
    expect(screen.getByText('康乐社区', { selector: '.dashboard__scope' })).toBeInTheDocument()
    expect(screen.getByText('康乐社区超时清单（共 130 件，下面是最急的 1 件）')).toBeInTheDocument()
    expect(screen.getByText('办结超时 2 天（应在 3月3日 09:00 前）')).toBeInTheDocument()

    const [first] = inputsOf(calls, 'dashboard') as { scope: unknown; period: { from: number; to: number } }[]
    expect(first.scope).toEqual({ communityId: 'comm-kangle' })
    expect(first.period).toEqual({ from: Date.UTC(2025, 1, 2, 16, 0), to: Date.UTC(2025, 2, 4, 16, 0) })
    expect(first.period.to - first.period.from).toBe(30 * 24 * HOUR)
    await tap('近 7 天')
    await screen.findByText('康乐社区', { selector: '.dashboard__scope' })
    const periods = (inputsOf(calls, 'dashboard') as { period: { from: number; to: number } }[]).map((p) => (p.period.to - p.period.from) / (24 * HOUR))
    expect(periods).toEqual([30, 7])
  })

  test('a grid worker with two grids: a named section and card per grid, the quiet one with its zeros, no two headings alike', async () => {
    const byGrid = {
      'grid-kangle-1': board({ scopeName: '康乐一网格', total: rates(), byGrid: [{ communityId: 'comm-kangle', gridId: 'grid-kangle-1', gridName: '康乐一网格', rates: rates() }] }),
      'grid-kangle-2': board({ scopeName: '康乐二网格', total: noRates, byGrid: [{ communityId: 'comm-kangle', gridId: 'grid-kangle-2', gridName: '康乐二网格', rates: noRates }] }),
    }
    const calls = answer({
      'directory.whoami': () => success(whoami({ roles: ['resident', 'gridWorker'], scopes: scopes({ gridIds: ['grid-kangle-1', 'grid-kangle-2'] }) })),
      'requests.dashboard': (input) => success(byGrid[(input as { scope: { gridId: keyof typeof byGrid } }).scope.gridId]),
      'wishes.signals': () => success(noWishes),
    })
    render(<DashboardPage />)
    await screen.findByText('康乐二网格', { selector: '.dashboard__scope' })
    expect(Array.from(document.querySelectorAll('.dashboard__scope')).map((h) => h.textContent)).toEqual(['康乐一网格', '康乐二网格'])
    expect(titles()).toEqual(['康乐一网格', '康乐二网格'])
    expect(within(cardOf('康乐二网格')).getAllByText('暂无')).toHaveLength(3)
    expect(within(cardOf('康乐二网格')).getByText('派单 0 件 · 未评价结案 0 件 · 主动治理 0 件')).toBeInTheDocument()
    expect(screen.getByText('康乐一网格超时清单（共 0 件）')).toBeInTheDocument()
    expect(screen.getByText('康乐二网格超时清单（共 0 件）')).toBeInTheDocument()
    expect((inputsOf(calls, 'dashboard') as { scope: unknown }[]).map((i) => i.scope)).toEqual([{ gridId: 'grid-kangle-1' }, { gridId: 'grid-kangle-2' }])
  })

  test('the street admin: the street’s total, then every community by name, then every grid', async () => {
    const communities = [['comm-cuihu', '翠湖社区'], ['comm-kangle', '康乐社区'], ['comm-zhangjia', '张家村']] as const
    answer({
      'directory.whoami': () => success(whoami({ roles: ['resident', 'streetAdmin'], scopes: scopes({ streetIds: ['street-hubin'] }) })),
      'requests.dashboard': () => success(board({
        scopeName: '湖滨街道',
        total: rates({ dispatched: 30 }),
        byCommunity: communities.map(([communityId, communityName]) => ({ communityId, communityName, rates: communityId === 'comm-zhangjia' ? noRates : rates({ dispatched: 15 }) })),
        byGrid: [
          { communityId: 'comm-kangle', gridId: null, gridName: null, rates: rates() },
          { communityId: 'comm-kangle', gridId: 'grid-kangle-1', gridName: '康乐一网格', rates: rates() },
          { communityId: 'comm-zhangjia', gridId: 'grid-zhangjia-1', gridName: '张家宅网格', rates: noRates },
        ],
      })),
      'wishes.signals': () => success(noWishes),
    })
    render(<DashboardPage />)
    await screen.findByText('湖滨街道合计')
    expect(titles()).toEqual(['湖滨街道合计', '翠湖社区', '康乐社区', '张家村', '康乐社区统一受理', '康乐一网格', '张家宅网格'])
    expect(within(cardOf('湖滨街道合计')).getByText('派单 30 件 · 未评价结案 2 件 · 主动治理 3 件')).toBeInTheDocument()
    expect(within(cardOf('张家村')).getAllByText('暂无')).toHaveLength(3)
    expect(screen.getByText('各社区')).toBeInTheDocument()
    expect(screen.getByText('各网格')).toBeInTheDocument()
  })
})

describe('the weekly chart', () => {
  afterEach(() => jest.restoreAllMocks())

  const trend = weeklyTrend({
    rates: [noRates, ...Array.from({ length: 7 }, (_, i) => rates({ responseRate: i / 6, respondedOnTime: i, responseCounted: 6 }))],
    byGrid: [
      { communityId: 'comm-kangle', gridId: 'grid-kangle-1', gridName: '康乐一网格', filed: [0, 1, 2, 3, 4, 5, 6, 8] },
      { communityId: 'comm-kangle', gridId: 'grid-kangle-2', gridName: '康乐二网格', filed: [0, 0, 0, 0, 0, 0, 0, 0] },
    ],
  })

  test('a bar per week for each rate and each grid, every bar with its number written on it and a sentence to be read aloud', async () => {
    answer({
      'directory.whoami': () => success(whoami({ roles: ['resident', 'committee'], scopes: scopes({ communityIds: ['comm-kangle'] }) })),
      'requests.dashboard': () => success(board({ trend })),
      'wishes.signals': () => success(noWishes),
    })
    render(<DashboardPage />)
    await screen.findByText('康乐社区近 8 周走势')
    expect(screen.getByText(/从 2025年1月6日（周一）起/)).toBeInTheDocument()

    const response = seriesNamed('响应率（%）')
    expect(values(response)).toEqual(['—', '0', '17', '33', '50', '67', '83', '100'])
    expect(heights(response)).toEqual(['0%', '0%', '17%', '33%', '50%', '67%', '83%', '100%'])
    expect(spoken(response)[0]).toBe('2025年1月6日那周，响应率暂无，按时响应 0 / 0 件')
    expect(spoken(response)[7]).toBe('本周，响应率100%，按时响应 6 / 6 件')
    expect(values(seriesNamed('满意率（%）'))).toEqual(['—', '88', '88', '88', '88', '88', '88', '88'])

    const busy = seriesNamed('康乐一网格')
    expect(values(busy)).toEqual(['0', '1', '2', '3', '4', '5', '6', '8'])
    // One scale for all grids: the busiest week is the full height.
    expect(heights(busy)[7]).toBe('100%')
    expect(heights(busy)[4]).toBe('50%')
    expect(spoken(busy)[1]).toBe('2025年1月13日那周，康乐一网格新收 1 件')
    expect(values(seriesNamed('康乐二网格'))).toEqual(Array(8).fill('0'))
    // Each week by its Monday: the day under every bar, the month over the first week and where a month begins.
    const axis = document.querySelector('.trend__axis')!
    expect(Array.from(axis.querySelectorAll('.trend__week')).map((d) => d.textContent)).toEqual(['6', '13', '20', '27', '3', '10', '17', '24'])
    expect(Array.from(axis.querySelectorAll('.trend__month')).map((m) => m.textContent)).toEqual(['1月', '', '', '', '2月', '', '', ''])
  })
})
