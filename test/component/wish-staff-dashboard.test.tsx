import { render, screen, within } from '@testing-library/react'
import DashboardPage from '@/pages-staff/dashboard/index'
import { failure, success, type ActionOutput } from '@/types'
import { board as emptyBoard, noRates } from './support/dashboard-fixtures'
import { answer, inputsOf } from './support/fake-call'
import { tap } from './support/fields'
import { whoami } from './support/fixtures'
import { HOUR, pinNow } from './support/request-fixtures'
import { signals } from './support/wish-staff-fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const committee = whoami({ roles: ['resident', 'committee'], scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })
const board = emptyBoard()
const wishSignals: ActionOutput<'wishes', 'signals'> = {
  totals: signals({ posted: 14, published: 12, claimed: 9, realised: 6, medianHoursToClaim: 5.25, medianHoursToRealise: 60, lapses: 2, unclaimedAfterWidening: 1 }),
  byBranch: [
    { branchId: 'br-grid-kangle-1', branchName: '康乐一网格党支部', signals: signals({ posted: 14, published: 12, claimed: 9, realised: 6, medianHoursToClaim: 5.25, medianHoursToRealise: 60, lapses: 2, unclaimedAfterWidening: 1 }) },
    { branchId: 'br-grid-kangle-2', branchName: '康乐二网格党支部', signals: signals() },
  ],
  byGrid: [
    { gridId: 'grid-kangle-1', gridName: '康乐一网格', signals: signals({ posted: 14, published: 12, claimed: 9, realised: 6, medianHoursToClaim: 5.25, medianHoursToRealise: 60, lapses: 2, unclaimedAfterWidening: 1 }) },
    { gridId: 'grid-kangle-2', gridName: '康乐二网格', signals: signals() },
  ],
}

const cardOf = (title: string) => screen.getByText(title, { selector: '.wish-signals .card__title' }).closest('.wish-signals') as HTMLElement
const figures = (card: HTMLElement) => Array.from(card.querySelectorAll('.wish-figure')).map((f) => f.textContent)
const lines = (card: HTMLElement) => Array.from(card.querySelectorAll('.wish-signals__row')).map((row) => Array.from(row.children).map((c) => c.textContent))

describe('微心愿 on the dashboard', () => {
  afterEach(() => jest.restoreAllMocks())

  test('totals, every branch and every grid, with their figures; a unit with nothing yet shows zeros and “—”', async () => {
    const calls = answer({ 'directory.whoami': () => success(committee), 'requests.dashboard': () => success(board), 'wishes.signals': () => success(wishSignals) })
    render(<DashboardPage />)
    await screen.findByText('合计')

    const busy = cardOf('康乐一网格党支部')
    expect(figures(busy)).toEqual(['14提交', '12发布', '9认领', '6实现'])
    expect(lines(busy)).toEqual([
      ['认领用时（中位数）', '5.3 小时'],
      ['实现用时（中位数）', '2.5 天'],
      ['认领到期', '2 次'],
      ['扩大后仍未认领', '1 个'],
    ])
    for (const quiet of [cardOf('康乐二网格党支部'), cardOf('康乐二网格')]) {
      expect(figures(quiet)).toEqual(['0提交', '0发布', '0认领', '0实现'])
      expect(lines(quiet)).toEqual([
        ['认领用时（中位数）', '—'],
        ['实现用时（中位数）', '—'],
        ['认领到期', '0 次'],
        ['扩大后仍未认领', '0 个'],
      ])
    }
    expect(figures(cardOf('合计'))).toEqual(['14提交', '12发布', '9认领', '6实现'])
    expect(figures(cardOf('康乐一网格'))).toEqual(['14提交', '12发布', '9认领', '6实现'])
    expect(document.querySelectorAll('.wish-signals')).toHaveLength(5)
    expect(inputsOf(calls, 'signals').map((i) => (i as { scope: unknown }).scope)).toEqual([{ communityId: 'comm-kangle' }])
  })

  test('asks for the same scope and period as the rates, and again when the period changes', async () => {
    pinNow(Date.UTC(2025, 2, 3, 16, 30))
    const calls = answer({ 'directory.whoami': () => success(committee), 'requests.dashboard': () => success(board), 'wishes.signals': () => success(wishSignals) })
    render(<DashboardPage />)
    await screen.findByText('合计')
    await tap('近 7 天')
    await screen.findByText('合计')
    const asked = inputsOf(calls, 'signals') as { scope: unknown; period: { from: number; to: number } }[]
    expect(asked).toEqual(inputsOf(calls, 'dashboard'))
    expect(asked.map((i) => (i.period.to - i.period.from) / (24 * HOUR))).toEqual([30, 7])
  })

  test('figures the server keeps from this person are left out; the rates stay', async () => {
    answer({
      'directory.whoami': () => success(committee),
      'requests.dashboard': () => success({ ...board, byCommunity: [{ communityId: 'comm-kangle', communityName: '康乐社区', rates: noRates }] }),
      'wishes.signals': () => failure('FORBIDDEN', 'no'),
    })
    render(<DashboardPage />)
    const rates = (await screen.findByText('康乐社区', { selector: '.rates .card__title' })).closest('.rates') as HTMLElement
    expect(within(rates).getAllByText('暂无')).toHaveLength(3)
    await screen.findByText('康乐社区超时清单（共 0 件）')
    expect(screen.queryByText('微心愿')).not.toBeInTheDocument()
  })
})
