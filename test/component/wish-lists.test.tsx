import { render, screen } from '@testing-library/react'
import HomePage from '@/pages/home/index'
import MessagesPage from '@/pages/messages/index'
import MinePage from '@/pages/mine/index'
import WishHomePage from '@/pages-wish/home/index'
import MyWishesPage from '@/pages-wish/mine/index'
import WishWallPage from '@/pages-wish/wall/index'
import { failure, success } from '@/types'
import { answer, inputsOf, quietHome } from './support/fake-call'
import { tap } from './support/fields'
import { whoami } from './support/fixtures'
import { pinNow } from './support/request-fixtures'
import { navigations } from './support/taro.mock'
import { at, DAY, HOUR, wishItem } from './support/wish-fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const member = whoami({ roles: ['resident', 'partyMember'], party: { branchId: 'branch-grid-kangle-3', branchName: '康乐三网格党支部', status: 'verified' } })

describe('the ways into 微心愿, my wishes and the wish wall', () => {
  afterEach(() => jest.restoreAllMocks())

  test('首页’s 微心愿 opens the wish hub, no longer “coming soon”', async () => {
    // 首页 also reads the badge's count (fake-call answers 0), my open items and who to ring.
    answer(quietHome)
    render(<HomePage />)
    await tap('微心愿')
    expect(navigations).toEqual(['/pages-wish/home/index'])
    expect(screen.queryByText('即将开放')).toBeNull()
  })

  test('the hub explains a wish and opens posting, my wishes and the wall; a resident gets no claiming entry', async () => {
    answer({ 'directory.whoami': () => success(whoami()) })
    render(<WishHomePage />)
    expect(screen.getByText('什么是微心愿')).toBeInTheDocument()
    await tap('说个心愿')
    await tap('我的心愿')
    await tap('心愿墙')
    expect(navigations).toEqual(['/pages-wish/post/index', '/pages-wish/mine/index', '/pages-wish/wall/index'])
    expect(screen.queryByText('认领微心愿')).toBeNull()
  })

  test('a party member also finds 认领微心愿, on the hub and on 我的', async () => {
    answer({ 'directory.whoami': () => success(member) })
    const hub = render(<WishHomePage />)
    await tap('认领微心愿')
    hub.unmount()
    render(<MinePage />)
    await tap('我的心愿')
    await tap('认领微心愿')
    expect(navigations).toEqual(['/pages-wish/member/index', '/pages-wish/mine/index', '/pages-wish/member/index'])
  })

  test('我的 offers 我的心愿 to everyone, and 认领微心愿 only to party members', async () => {
    answer({ 'directory.whoami': () => success(whoami()) })
    render(<MinePage />)
    expect(await screen.findByText('我的心愿')).toBeInTheDocument()
    expect(screen.queryByText('认领微心愿')).toBeNull()
  })

  test('my wishes say where each stands, who claimed it (masked) and by when, and open the wish', async () => {
    const calls = answer({
      'wishes.listMine': () =>
        success({ items: [wishItem({ status: 'claimed', claimed: true, claimerName: '刘*', lockUntil: at + 7 * DAY }), wishItem({ _id: 'w-2', status: 'inReview', summary: null, excerpt: '想要一个台灯' })], nextCursor: null }),
    })
    render(<MyWishesPage />)
    expect(await screen.findByText('认领人：刘*')).toBeInTheDocument()
    expect(screen.getByText('3月10日 09:00 前完成')).toBeInTheDocument()
    expect(screen.getByText('等待居委会核实')).toBeInTheDocument()
    expect(screen.getAllByText('2025年3月10日前需要 · 上门')).toHaveLength(2)
    expect(inputsOf(calls, 'listMine')).toEqual([{ limit: 20 }])
    await tap('想要一个台灯')
    expect(navigations).toEqual(['/pages-wish/detail/index?id=w-2'])
  })

  test('the wall lines say the kind, the summary, which branch helped, and when', async () => {
    pinNow(at + 4 * HOUR)
    const calls = answer({
      'wishes.wall': () =>
        success({
          communityId: 'comm-kangle',
          communityName: '康乐社区',
          items: [
            { _id: 'w-1', category: 'elderlyDisabled', summary: '独居老人需要有人帮忙买降压药', branchName: '康乐三网格党支部', realisedAt: at + HOUR },
            { _id: 'w-2', category: 'study', summary: '孩子需要一个书包', branchName: null, realisedAt: at - 2 * DAY },
          ],
          nextCursor: null,
        }),
    })
    render(<WishWallPage />)
    expect(await screen.findByText('康乐社区的心愿墙')).toBeInTheDocument()
    expect(screen.getByText('独居老人需要有人帮忙买降压药')).toBeInTheDocument()
    expect(screen.getByText('康乐三网格党支部帮助实现')).toBeInTheDocument()
    expect(screen.getByText('3小时前')).toBeInTheDocument()
    expect(screen.getByText('社区党员帮助实现')).toBeInTheDocument()
    expect(screen.getByText('3月1日')).toBeInTheDocument()
    expect(inputsOf(calls, 'wall')).toEqual([{ limit: 20 }])
    expect(inputsOf(calls, 'whoami')).toEqual([])
  })

  test('a resident the server knows no community for picks one, and the wall of that community shows', async () => {
    const calls = answer({
      'wishes.wall': (input) =>
        (input as { communityId?: string }).communityId
          ? success({ communityId: 'comm-cuihu', communityName: '翠湖社区', items: [{ _id: 'w-9', category: 'goods', summary: '需要一把轮椅', branchName: '翠湖一网格党支部', realisedAt: at }], nextCursor: null })
          : failure('INVALID_INPUT', 'communityId: the caller has no community'),
      'directory.listCommunities': () => success([{ id: 'comm-kangle', name: '康乐社区', type: '老公房' }, { id: 'comm-cuihu', name: '翠湖社区', type: '商品房' }]),
    })
    render(<WishWallPage />)
    expect(await screen.findByText('想看哪个社区的心愿墙？')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
    await tap('翠湖社区')
    expect(await screen.findByText('需要一把轮椅')).toBeInTheDocument()
    expect(screen.getByText('翠湖社区的心愿墙')).toBeInTheDocument()
    expect(inputsOf(calls, 'wall')).toEqual([{ limit: 20 }, { limit: 20, communityId: 'comm-cuihu' }])
  })

  test('a 消息 about a wish opens that wish; one naming its own page opens that page', async () => {
    const item = (over: object) => ({ _id: 'm-1', audience: 'resident', action: 'claim', kind: 'progress', title: '您的心愿有人认领了', body: '党员刘*认领了您的心愿', at, ...over })
    answer({
      'requests.myMessages': () =>
        success({ items: [item({ wishId: 'w-1' }), item({ _id: 'm-2', wishId: 'w-2', page: 'pages-wish/review/index', audience: 'staff', title: '有心愿等待核实' })], nextCursor: null }),
    })
    render(<MessagesPage />)
    await tap('您的心愿有人认领了')
    await tap('有心愿等待核实')
    expect(navigations).toEqual(['/pages-wish/detail/index?id=w-1', '/pages-wish/review/index'])
  })
})
