import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import MonthlyQuestionPage from '@/pages-council/monthly/index'
import { readPrefill } from '@/features/council/staff-open-link'
import { success } from '@/types'
import { at, monthlyCluster } from './support/council-fixtures'
import { answer, inputsOf } from './support/fake-call'
import { tap, typeInto } from './support/fields'
import { whoami } from './support/fixtures'
import { pinNow } from './support/request-fixtures'
import { navigations } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

/** 00:00 Beijing on the 1st of a 2025 month (0-based), as an instant. */
const monthStart = (month: number) => Date.UTC(2025, month, 1) - 8 * 3_600_000

const committee = {
  'directory.whoami': () => success(whoami({ roles: ['committee'], scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })),
  'directory.listCommunities': () => success([{ id: 'comm-kangle', name: '康乐社区', type: '老公房' as const }]),
  'council.monthlyClusters': () =>
    success([monthlyCluster(), monthlyCluster({ category: 'environment', placeKind: 'estate', placeId: 'estate-cq', placeLabel: '长桥新村', count: 3, lastMonth: 5, examples: [], requestIds: ['rq-21'] })]),
}

describe('每月一题: the month’s recurring requests and what the committee makes of them', () => {
  beforeEach(() => pinNow(at))
  afterEach(() => jest.restoreAllMocks())

  test('this month’s clusters of the committee’s community, with counts, the trend and examples; last month on a tap', async () => {
    const calls = answer(committee)
    render(<MonthlyQuestionPage />)
    expect(await screen.findByText('康乐一网格 · 公共设施')).toBeInTheDocument()
    expect(screen.getByText('7 件')).toBeInTheDocument()
    expect(screen.getByText('比前一个月多 5 件（前一个月 2 件）')).toBeInTheDocument()
    expect(screen.getByText('“3号楼门口的路灯坏了一个星期”')).toBeInTheDocument()
    expect(screen.getByText('长桥新村 · 环境卫生')).toBeInTheDocument()
    expect(screen.getByText('比前一个月少 2 件（前一个月 5 件）')).toBeInTheDocument()
    expect(inputsOf(calls, 'monthlyClusters')).toEqual([{ communityId: 'comm-kangle', period: { from: monthStart(2), to: monthStart(3) } }])

    await tap('上个月')
    await waitFor(() => expect(inputsOf(calls, 'monthlyClusters')).toHaveLength(2))
    expect(inputsOf(calls, 'monthlyClusters')[1]).toEqual({ communityId: 'comm-kangle', period: { from: monthStart(1), to: monthStart(2) } })
  })

  test('发起议题 opens the topic form with the cluster’s requests, kind and a first title', async () => {
    answer(committee)
    render(<MonthlyQuestionPage />)
    const [first] = await screen.findAllByText('发起议题，请居民一起议')
    fireEvent.click(first)
    expect(navigations).toHaveLength(1)
    const query = Object.fromEntries(new URLSearchParams(navigations[0].split('?')[1]))
    expect(navigations[0]).toMatch(/^\/pages-council\/open\/index\?/)
    expect(readPrefill(query)).toEqual({ requestIds: ['rq-11', 'rq-12', 'rq-13'], category: 'facility', title: '康乐一网格的公共设施问题怎么解决' })
  })

  test('转为主动治理 needs a line of what the community will do, then files it linked to the requests', async () => {
    const calls = answer({ ...committee, 'council.adoptMonthlyQuestion': () => success({ requestId: 'rq-99' }) })
    render(<MonthlyQuestionPage />)
    const [first] = await screen.findAllByText('转为主动治理')
    fireEvent.click(first)
    await tap('确认转为主动治理')
    expect(await screen.findByRole('alert')).toHaveTextContent('请写一下社区打算怎么办。')
    await typeInto('例如：本月内在康乐小区加装两盏路灯，网格员每周巡查', ' 本月内修好康乐一网格的路灯 ')
    await tap('确认转为主动治理')
    expect(await screen.findByText('已转为主动治理')).toBeInTheDocument()
    expect(inputsOf(calls, 'adoptMonthlyQuestion')).toEqual([
      { communityId: 'comm-kangle', requestIds: ['rq-11', 'rq-12', 'rq-13'], category: 'facility', text: '本月内修好康乐一网格的路灯' },
    ])
    await tap('看这件主动治理')
    expect(navigations).toEqual(['/pages-staff/request/index?id=rq-99'])
  })

  test('a month without recurring requests says so', async () => {
    answer({ ...committee, 'council.monthlyClusters': () => success([]) })
    render(<MonthlyQuestionPage />)
    expect(await screen.findByText('本月还没有反复出现的问题。')).toBeInTheDocument()
  })
})
