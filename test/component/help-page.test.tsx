import { render, screen } from '@testing-library/react'
import HelpPage from '@/pages/help/index'
import { success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap } from './support/fields'
import { household, whoami } from './support/fixtures'
import { navigations } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const decision = {
  communityId: 'comm-kangle',
  gridId: 'grid-kangle-1',
  buildingId: 'bldg-kl-1',
  branchId: 'branch-grid-kangle-1',
  partyGroupId: null,
  handlerId: 'staff-elderly',
  handlerRole: 'elderlyServices',
  locateRule: 'household',
  classifyRule: 'elderly→elderlyServices',
  category: 'elderly',
  communityName: '康乐社区',
  gridName: '康乐一网格',
  branchName: '康乐一网格党支部',
  handlerName: '陈老师',
} as const

describe('有困难找居村', () => {
  test('a bound resident sees who will own the kind of problem they pick', async () => {
    const calls = answer({ 'directory.whoami': () => success(whoami({ household })), 'directory.route': () => success(decision) })
    render(<HelpPage />)
    await tap('为老服务')
    expect(await screen.findByText('由 陈老师 负责，会一直跟到办完。')).toBeInTheDocument()
    expect(screen.getByText('康乐社区 康乐一网格')).toBeInTheDocument()
    expect(inputsOf(calls, 'route')).toEqual([{ category: 'elderly', target: { householdId: household.householdId } }])
  })

  test('a resident without a household is sent to bind it first', async () => {
    const calls = answer({ 'directory.whoami': () => success(whoami()) })
    render(<HelpPage />)
    expect(await screen.findByText('先绑定您家')).toBeInTheDocument()
    expect(screen.queryByText('为老服务')).not.toBeInTheDocument()
    await tap('绑定我家')
    expect(navigations).toEqual(['/pages/bind/index'])
    expect(inputsOf(calls, 'route')).toEqual([])
  })
})
