import { render, screen, waitFor } from '@testing-library/react'
import SignInPage from '@/pages/sign-in/index'
import { listPersonas, signInAs } from '@/services/demo-personas'
import { readDemoPersona, signOut } from '@/services/demo-session'
import { tap } from './support/fields'
import { navigations } from './support/taro.mock'

// The demo sign-in talks to the local host's /auth endpoints, not to a function: faked at that module.
jest.mock('@/services/demo-personas', () => ({ listPersonas: jest.fn(), signInAs: jest.fn() }))
jest.mock('@/services/demo-session', () => ({ signOut: jest.fn(), readDemoPersona: jest.fn() }))

const resident = { openid: 'demo-resident', label: '王阿姨（居民）', description: '康乐小区的老住户，还没有绑定', roles: ['resident'] }
const committee = { openid: 'demo-committee', label: '张主任（居委会）', description: '审核住户绑定', roles: ['committee'] }

describe('本地演示登录 (H5 only)', () => {
  beforeEach(() => {
    jest.mocked(listPersonas).mockResolvedValue([resident, committee])
    jest.mocked(signInAs).mockResolvedValue()
    jest.mocked(readDemoPersona).mockReturnValue(null)
  })

  test('says it is not WeChat login, lists the personas, and signs in with the one picked', async () => {
    render(<SignInPage />)
    expect(screen.getByText('这是本地演示登录，不是微信登录')).toBeInTheDocument()
    expect(await screen.findByText('审核住户绑定')).toBeInTheDocument()
    await tap('王阿姨（居民）')
    await waitFor(() => expect(navigations).toEqual(['/pages/mine/index']))
    expect(signInAs).toHaveBeenCalledWith(resident)
  })

  test('someone signed in can leave the demo identity', async () => {
    jest.mocked(readDemoPersona).mockReturnValue(committee)
    render(<SignInPage />)
    await tap('退出演示身份（张主任（居委会））')
    expect(signOut).toHaveBeenCalled()
    expect(navigations).toEqual(['/pages/mine/index'])
  })

  test('a host that does not answer is named, with how to start it', async () => {
    jest.mocked(listPersonas).mockRejectedValue(new TypeError('Failed to fetch'))
    render(<SignInPage />)
    expect(await screen.findByText('没有连上本地演示服务')).toBeInTheDocument()
  })
})
