import { fireEvent, render, screen } from '@testing-library/react'
import MinePage from '@/pages/mine/index'
import { errorText } from '@/services/error-text'
import { failure, success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap } from './support/fields'
import { bindingRequest, household, whoami } from './support/fixtures'
import { navigations } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

describe('我的 page', () => {
  test('shows why the committee refused my last binding, and lets me apply again', async () => {
    answer({ 'directory.whoami': () => success(whoami({ lastRefusedBinding: bindingRequest({ status: 'refused', reason: '房号与登记信息不符' }) })) })
    render(<MinePage />)
    expect(await screen.findByText('上次的绑定申请没有通过')).toBeInTheDocument()
    expect(screen.getByText('居委会说明：房号与登记信息不符')).toBeInTheDocument()
    await tap('绑定我家')
    expect(navigations).toEqual(['/pages-resident/bind/index'])
  })

  test('a waiting binding is shown as waiting, and cannot be asked for twice', async () => {
    answer({ 'directory.whoami': () => success(whoami({ pendingBinding: bindingRequest() })) })
    render(<MinePage />)
    expect(await screen.findByText('绑定申请正在等居委会确认')).toBeInTheDocument()
    expect(screen.getAllByText('康乐社区 康乐小区 1号楼 101室')).toHaveLength(1)
    expect(screen.queryByText('绑定我家')).not.toBeInTheDocument()
  })

  test('a bound party member sees name, roles, household and branch, and no old refusal', async () => {
    const me = whoami({
      roles: ['resident', 'verifiedResident', 'partyMember'],
      household,
      party: { branchId: 'b-1', branchName: '康乐一网格党支部', status: 'verified' },
      lastRefusedBinding: bindingRequest({ status: 'refused', reason: '旧的原因' }),
    })
    answer({ 'directory.whoami': () => success(me) })
    render(<MinePage />)
    expect(await screen.findByText('居民、已认证居民、党员')).toBeInTheDocument()
    expect(screen.getByText('康乐社区 康乐小区 1号楼 101室')).toBeInTheDocument()
    expect(screen.getByText('已报到 · 康乐一网格党支部')).toBeInTheDocument()
    expect(screen.queryByText(/旧的原因/)).not.toBeInTheDocument()
    expect(screen.queryByText('党员报到')).not.toBeInTheDocument()
    expect(screen.queryByText('工作台')).not.toBeInTheDocument()
  })

  test('staff get the workbench entry', async () => {
    answer({ 'directory.whoami': () => success(whoami({ roles: ['resident', 'committee'] })) })
    render(<MinePage />)
    await tap('工作台')
    expect(navigations).toEqual(['/pages-staff/workbench/index'])
  })

  test('a failure is explained, and 再试一次 asks again', async () => {
    let first = true
    const calls = answer({
      'directory.whoami': () => {
        if (!first) return success(whoami())
        first = false
        return failure('INTERNAL', 'boom')
      },
    })
    render(<MinePage />)
    expect(await screen.findByText(errorText.INTERNAL)).toBeInTheDocument()
    fireEvent.click(screen.getByText('再试一次'))
    expect(await screen.findByText('王秀英')).toBeInTheDocument()
    expect(inputsOf(calls, 'whoami')).toEqual([{}, {}])
  })

  test('in the browser build it says plainly that sign-in is a local demo', async () => {
    answer({ 'directory.whoami': () => failure('UNAUTHENTICATED', 'no token') })
    render(<MinePage />)
    expect(screen.getByText('这是在电脑上试用的演示版，用演示身份登录，不是微信登录。')).toBeInTheDocument()
    // Signed out is not a dead end with a retry that cannot help (issue 9): it leads to the sign-in.
    expect(await screen.findByText('还没有登录。这是电脑上的演示版，请先选一个演示身份登录，登录后会回到这一页。')).toBeInTheDocument()
    expect(screen.queryByText('再试一次')).toBeNull()
    await tap('选择演示身份登录')
    expect(navigations).toEqual(['/pages/sign-in/index'])
  })
})
