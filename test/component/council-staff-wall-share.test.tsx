import { render, screen, waitFor } from '@testing-library/react'
import WishWallPage from '@/pages-wish/wall/index'
import { failure, success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap } from './support/fields'
import { routerParams, shareCard } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const wallOf = (communityId: string, communityName: string) => () => success({ communityId, communityName, items: [], nextCursor: null })

describe('the wish wall’s share card', () => {
  test('a resident’s own wall is shared as the community its answer names, so a neighbour’s tap opens the same wall — with no whoami of its own', async () => {
    const calls = answer({ 'wishes.wall': wallOf('comm-kangle', '康乐社区') })
    render(<WishWallPage />)
    await screen.findByText('康乐社区的心愿墙')
    expect(inputsOf(calls, 'wall')).toEqual([{ limit: 20 }])
    expect(calls.filter((c) => c.fn === 'directory')).toEqual([])
    await waitFor(() =>
      expect(shareCard()).toEqual({
        app: { title: '康乐社区的心愿墙：党员帮邻居实现的心愿', path: '/pages-wish/wall/index?communityId=comm-kangle' },
        timeline: { title: '康乐社区的心愿墙：党员帮邻居实现的心愿', query: 'communityId=comm-kangle' },
      }),
    )
  })

  test('a card names its community: opened from it, that wall shows, whoever taps', async () => {
    routerParams.communityId = 'comm-cuihu'
    const calls = answer({ 'wishes.wall': wallOf('comm-cuihu', '翠湖社区') })
    render(<WishWallPage />)
    await screen.findByText('翠湖社区的心愿墙')
    expect(inputsOf(calls, 'wall')).toEqual([{ limit: 20, communityId: 'comm-cuihu' }])
    expect(inputsOf(calls, 'whoami')).toEqual([])
    expect(shareCard().app).toEqual({ title: '翠湖社区的心愿墙：党员帮邻居实现的心愿', path: '/pages-wish/wall/index?communityId=comm-cuihu' })
  })

  test('a card naming a community that is no more lets the reader pick one', async () => {
    routerParams.communityId = 'comm-gone'
    answer({
      'wishes.wall': (input) => ((input as { communityId?: string }).communityId === 'comm-gone' ? failure('NOT_FOUND', 'gone') : wallOf('comm-kangle', '康乐社区')()),
      'directory.listCommunities': () => success([{ id: 'comm-kangle', name: '康乐社区', type: '老公房' as const }]),
    })
    render(<WishWallPage />)
    await tap('康乐社区')
    expect(await screen.findByText('康乐社区的心愿墙')).toBeInTheDocument()
    expect(shareCard().app).toEqual({ title: '康乐社区的心愿墙：党员帮邻居实现的心愿', path: '/pages-wish/wall/index?communityId=comm-kangle' })
  })
})
