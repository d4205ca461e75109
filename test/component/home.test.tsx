import { render, screen } from '@testing-library/react'
import HomePage from '@/pages/home/index'
import MinePage from '@/pages/mine/index'
import { failure, success, type HomeContacts } from '@/types'
import { answer } from './support/fake-call'
import { tap } from './support/fields'
import { whoami } from './support/fixtures'
import { at, HOUR, requestSummary } from './support/request-fixtures'
import { navigations } from './support/taro.mock'
import { wishItem } from './support/wish-fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const kangle: HomeContacts = {
  community: { name: '康乐社区', hotline: '021-64010001' },
  gridWorker: { name: '网格员周丽', gridName: '康乐一网格', workPhone: '021-64010011' },
}
const unbound: HomeContacts = { community: null, gridWorker: null }
const page = <T,>(items: T[]) => success({ items, nextCursor: null })
/** A call button is a tel: link named by who is rung and the number (call-button.tsx). */
const hrefOf = (name: string) => screen.getByRole('link', { name }).getAttribute('href')

function answerHome(contacts: HomeContacts, requests = [requestSummary()], wishes = [wishItem()]) {
  return answer({
    'directory.homeContacts': () => success(contacts),
    'requests.listMine': () => page(requests),
    'wishes.listMine': () => page(wishes),
    'directory.whoami': () => success(whoami()),
  })
}

afterEach(() => {
  document.documentElement.style.fontSize = ''
})

describe('首页 per persona (issue 9)', () => {
  test('a bound resident: open items with whose move it is, theirs first; the grid worker and the hotline to ring; the three jobs; nothing 即将开放', async () => {
    const calls = answerHome(kangle, [
      requestSummary({ _id: 'rq-1', status: 'accepted', updatedAt: at + 2 * HOUR }),
      requestSummary({ _id: 'rq-2', status: 'replied', category: 'hazard', excerpt: '楼道电线乱拉', updatedAt: at }),
    ], [wishItem({ status: 'published' }), wishItem({ _id: 'w-2', status: 'realised' })])
    render(<HomePage />)
    expect(await screen.findByText('我的事')).toBeInTheDocument()
    expect(screen.getAllByText(/^(待您评价|网格员周丽正在办|心愿待认领)$/).map((node) => node.textContent)).toEqual(['待您评价', '网格员周丽正在办', '心愿待认领'])
    // A realised wish needs nothing more from anyone: not on 首页.
    expect(screen.getAllByText(/心愿待认领|待您确认|党员正在帮您办/)).toHaveLength(1)
    expect(screen.getByText('我的网格员：网格员周丽（康乐一网格）')).toBeInTheDocument()
    expect(hrefOf('打给网格员 021-64010011')).toBe('tel:021-64010011')
    expect(hrefOf('打给居委会 021-64010001')).toBe('tel:021-64010001')
    expect(hrefOf('拨打 12345')).toBe('tel:12345')
    for (const job of ['有困难找居村', '微心愿', '邻里议事厅']) expect(screen.getByText(job)).toBeInTheDocument()
    expect(screen.queryByText('即将开放')).toBeNull()
    expect(calls.find((c) => c.action === 'listMine' && c.fn === 'requests')?.input).toEqual({ open: true, limit: 20 })
    await tap('楼道电线乱拉')
    expect(navigations).toEqual(['/pages/request/index?id=rq-2'])
  })

  test('an unbound resident: no grid worker to name, the way to bind, 12345 and the jobs; no 我的事 with nothing open', async () => {
    answerHome(unbound, [], [])
    render(<HomePage />)
    expect(await screen.findByText('绑定您家的房子后，这里会有您的网格员和居委会的电话。')).toBeInTheDocument()
    expect(screen.queryByText('我的事')).toBeNull()
    expect(screen.queryByText(/我的网格员/)).toBeNull()
    expect(hrefOf('拨打 12345')).toBe('tel:12345')
    await tap('绑定我家')
    expect(navigations).toEqual(['/pages-resident/bind/index'])
  })

  test('signed out: the personal parts are absent, not errors; the jobs and 12345 still work', async () => {
    answer({
      'directory.homeContacts': () => failure('UNAUTHENTICATED', 'no caller'),
      'requests.listMine': () => failure('UNAUTHENTICATED', 'no caller'),
      'wishes.listMine': () => failure('UNAUTHENTICATED', 'no caller'),
    })
    render(<HomePage />)
    expect(await screen.findByRole('link', { name: '拨打 12345' })).toHaveAttribute('href', 'tel:12345')
    expect(screen.queryByRole('alert')).toBeNull()
    await tap('有困难找居村')
    expect(navigations).toEqual(['/pages-resident/help/index'])
  })
})

describe('长辈模式 (issue 9)', () => {
  test('switched on in 我的, kept on the device: larger type, and a 首页 with fewer, bigger entries', async () => {
    answerHome(kangle)
    const mine = render(<MinePage />)
    const toggle = await screen.findByRole('switch')
    expect(toggle).toHaveAttribute('aria-checked', 'false')
    expect(screen.getByText('已关闭')).toBeInTheDocument()
    await tap('长辈模式')
    expect(screen.getByRole('switch')).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByText('已打开')).toBeInTheDocument()
    // H5: every size is rem, so the root grows and everything with it (the tab labels included).
    expect(document.documentElement.style.fontSize).toBe('130%')
    mine.unmount()

    render(<HomePage />)
    await screen.findByRole('link', { name: '打给网格员 021-64010011' })
    expect(screen.getByText('有困难找居村')).toBeInTheDocument()
    expect(screen.getByText('微心愿')).toBeInTheDocument()
    expect(screen.queryByText('邻里议事厅')).toBeNull()
    expect(screen.queryByText('家门口的难事，告诉我们，网格员来帮您')).toBeNull()
    // Its open item stays, with its first words: two of one kind are told apart by them.
    expect(screen.getByText('等网格员周丽接单')).toBeInTheDocument()
    expect(screen.getByText('3号楼电梯停了两天')).toBeInTheDocument()
  })

  test('switched off again: the full home and the standard size', async () => {
    answerHome(kangle)
    render(<MinePage />)
    await tap('长辈模式')
    await tap('长辈模式')
    expect(screen.getByRole('switch')).toHaveAttribute('aria-checked', 'false')
    expect(document.documentElement.style.fontSize).toBe('')
  })
})
