import { render, screen, waitFor } from '@testing-library/react'
import { PageShell } from '@/components/page-shell'
import { Failed } from '@/components/status-views'
import { PartyForm } from '@/features/party/party-form'
import SignInPage from '@/pages/sign-in/index'
import { listPersonas, signInAs } from '@/services/demo-personas'
import { readDemoPersona } from '@/services/demo-session'
import { success } from '@/types'
import { answer } from './support/fake-call'
import { tap, typeInto } from './support/fields'
import { currentPage, navigations, routerParams } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))
jest.mock('@/services/demo-personas', () => ({ listPersonas: jest.fn(), signInAs: jest.fn() }))
jest.mock('@/services/demo-session', () => ({ signOut: jest.fn(), readDemoPersona: jest.fn() }))

const resident = { openid: 'demo-resident-a', label: '康乐居民（已认证）', description: '康乐小区3号楼201', roles: ['resident'] }

describe('the H5 shell: a way back from every sub-page', () => {
  test('a sub-page has a 返回 button that goes back', async () => {
    Object.assign(currentPage, { path: '/pages/request/index', depth: 2 })
    render(<PageShell>诉求详情</PageShell>)
    await tap('‹ 返回')
    expect(navigations).toEqual(['back'])
  })

  test('a sub-page opened directly (a link, a reload) goes home instead', async () => {
    Object.assign(currentPage, { path: '/pages-wish/detail/index', depth: 1 })
    render(<PageShell>心愿</PageShell>)
    await tap('‹ 返回')
    expect(navigations).toEqual(['/pages/home/index'])
  })

  test.each(['/pages/home/index', '/pages/messages/index', '/pages/mine/index'])('the tab page %s has the tab bar and no back button', (path) => {
    currentPage.path = path
    render(<PageShell>页</PageShell>)
    expect(screen.queryByText('‹ 返回')).toBeNull()
  })
})

describe('signed out leads to 本地演示登录 and back', () => {
  beforeEach(() => {
    jest.mocked(listPersonas).mockResolvedValue([resident])
    jest.mocked(signInAs).mockResolvedValue()
    jest.mocked(readDemoPersona).mockReturnValue(null)
  })

  test('a signed-out sub-page offers the sign-in, not a retry, and gives its place to it', async () => {
    Object.assign(currentPage, { path: '/pages/request/index', depth: 2 })
    routerParams.id = 'rq-7'
    const retry = jest.fn()
    render(<Failed code="UNAUTHENTICATED" onRetry={retry} />)
    expect(screen.queryByText('再试一次')).toBeNull()
    await tap('去登录（本地演示登录）')
    expect(navigations).toEqual([`/pages/sign-in/index?back=${encodeURIComponent('/pages/request/index?id=rq-7')}`])
  })

  test('after signing in, the resident is back on the page she came from', async () => {
    routerParams.back = encodeURIComponent('/pages/request/index?id=rq-7')
    render(<SignInPage />)
    await tap('康乐居民（已认证）')
    await waitFor(() => expect(navigations).toEqual(['/pages/request/index?id=rq-7']))
  })

  test('a tab page is switched back to; anything but a page of this app is ignored', async () => {
    routerParams.back = encodeURIComponent('/pages/messages/index')
    const { unmount } = render(<SignInPage />)
    await tap('康乐居民（已认证）')
    await waitFor(() => expect(navigations).toEqual(['/pages/messages/index']))
    unmount()
    navigations.length = 0
    routerParams.back = encodeURIComponent('https://example.com/pages/x/index')
    render(<SignInPage />)
    await tap('康乐居民（已认证）')
    await waitFor(() => expect(navigations).toEqual(['/pages/mine/index']))
  })
})

describe('the party-branch list', () => {
  test('is searchable, in natural order: 一 before 二, 三, 四', async () => {
    const names = ['湖滨街道大工委', '康乐社区大党委', '康乐一网格党支部', '康乐二网格党支部', '康乐三网格党支部', '康乐四网格党支部', '康乐小区3号楼党小组']
    const levels = ['street', 'community', 'grid', 'grid', 'grid', 'grid', 'building'] as const
    answer({ 'directory.listBranches': () => success(names.map((name, i) => ({ id: `b${i}`, name, level: levels[i], parentId: null }))) })
    render(<PartyForm onDone={jest.fn()} />)
    await screen.findByText('康乐一网格党支部')
    const titles = () => Array.from(document.querySelectorAll('.choice__title')).map((e) => e.textContent)
    expect(titles()).toEqual(names)
    await typeInto('输入名称，例如 一网格', '网格')
    expect(titles()).toEqual(['康乐一网格党支部', '康乐二网格党支部', '康乐三网格党支部', '康乐四网格党支部'])
    await typeInto('输入名称，例如 一网格', '康乐 党小组')
    expect(titles()).toEqual(['康乐小区3号楼党小组'])
    await typeInto('输入名称，例如 一网格', '三网格')
    expect(titles()).toEqual(['康乐三网格党支部'])
    await tap('康乐三网格党支部')
    expect(await screen.findByText('报到到：康乐三网格党支部')).toBeInTheDocument()
  })
})
