import { render, screen, waitFor } from '@testing-library/react'
import HomePage from '@/pages/home/index'
import MessagesPage from '@/pages/messages/index'
import { failure, success, type MessageView } from '@/types'
import { answer, inputsOf, quietHome } from './support/fake-call'
import { tap } from './support/fields'
import { at, HOUR, pinNow } from './support/request-fixtures'
import { navigations, tabBadges } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const message = (over: Partial<MessageView>): MessageView => ({
  _id: 'm-1', audience: 'resident', requestId: 'rq-1', action: 'accept', kind: 'progress', title: '诉求已接单', body: '网格员周丽已接单', at, unread: false, ...over,
})
const cardOf = (title: string) => screen.getByText(title).closest('.message')

describe('消息: unread until shown, a badge on the tab, actions as their items stand', () => {
  beforeEach(() => pinNow(at + 4 * HOUR))
  afterEach(() => jest.restoreAllMocks())

  test('new messages stand out with 未读; showing them marks them read on the server and the badge takes what is left', async () => {
    const calls = answer({
      'requests.myMessages': () => success({ items: [
        message({ _id: 'm-3', title: '住户绑定已通过', action: 'bindingDecided', page: 'pages-resident/bind/index', requestId: undefined, unread: true }),
        message({ _id: 'm-2', title: '诉求已受理', action: 'dispatch', unread: true }),
        message({ _id: 'm-1', title: '诉求已接单' }),
      ], nextCursor: null }),
      'requests.markMessagesRead': () => success({ unread: 3 }),
    })
    render(<MessagesPage />)
    await screen.findByText('住户绑定已通过')
    expect(cardOf('住户绑定已通过')).toHaveClass('message--unread')
    expect(cardOf('诉求已受理')).toHaveClass('message--unread')
    expect(cardOf('诉求已接单')).not.toHaveClass('message--unread')
    expect(screen.getAllByText('未读')).toHaveLength(2)
    await waitFor(() => expect(tabBadges).toEqual(['set 1 3']))
    expect(inputsOf(calls, 'markMessagesRead')).toEqual([{ ids: ['m-3', 'm-2'] }])
    // Still marked for this visit, so the person sees which came in.
    expect(cardOf('住户绑定已通过')).toHaveClass('message--unread')
    await tap('住户绑定已通过')
    expect(navigations).toEqual(['/pages-resident/bind/index'])
  })

  test('when everything is read the badge goes; with nothing new shown the count is asked, not marked', async () => {
    const marking = answer({
      'requests.myMessages': () => success({ items: [message({ unread: true })], nextCursor: null }),
      'requests.markMessagesRead': () => success({ unread: 0 }),
    })
    const { unmount } = render(<MessagesPage />)
    await waitFor(() => expect(tabBadges).toEqual(['remove 1']))
    expect(inputsOf(marking, 'unreadMessages')).toEqual([])
    unmount()

    tabBadges.length = 0
    const asking = answer({ 'requests.myMessages': () => success({ items: [message({})], nextCursor: null }), 'requests.unreadMessages': () => success({ unread: 120 }) })
    render(<MessagesPage />)
    await waitFor(() => expect(tabBadges).toEqual(['set 1 99+']))
    expect(inputsOf(asking, 'markMessagesRead')).toEqual([])
  })

  test('a mark that fails leaves the badge alone, and is tried again at the next show', async () => {
    const calls = answer({
      'requests.myMessages': () => success({ items: [message({ unread: true })], nextCursor: null }),
      'requests.markMessagesRead': () => failure('INTERNAL'),
    })
    render(<MessagesPage />)
    await waitFor(() => expect(inputsOf(calls, 'markMessagesRead')).toHaveLength(1))
    expect(tabBadges).toEqual([])
  })

  test('去评价 while the reply waits; 已评价 once rated; nothing once it no longer asks', async () => {
    answer({
      'requests.myMessages': () => success({ items: [
        message({ _id: 'm-3', requestId: 'rq-3', action: 'reply', title: '诉求已答复，请评价（三）', todo: { act: 'rate', state: 'waiting' } }),
        message({ _id: 'm-2', requestId: 'rq-2', action: 'reply', title: '诉求已答复，请评价（二）', todo: { act: 'rate', state: 'done' } }),
        message({ _id: 'm-1', requestId: 'rq-1', action: 'reply', title: '诉求已答复，请评价（一）', todo: { act: 'rate', state: 'moot' } }),
        message({ _id: 'm-0', requestId: undefined, wishId: 'w-1', action: 'fulfil', title: '心愿已完成，请您确认', todo: { act: 'confirm', state: 'waiting' } }),
      ], nextCursor: null }),
    })
    render(<MessagesPage />)
    await screen.findByText('诉求已答复，请评价（三）')
    expect(cardOf('诉求已答复，请评价（三）')).toHaveTextContent('去评价')
    expect(cardOf('诉求已答复，请评价（二）')).toHaveTextContent('已评价')
    expect(cardOf('诉求已答复，请评价（二）')).not.toHaveTextContent('去评价')
    expect(cardOf('诉求已答复，请评价（一）')).not.toHaveTextContent(/去评价|已评价/)
    expect(cardOf('心愿已完成，请您确认')).toHaveTextContent('去确认')
    await tap('去评价')
    await tap('去确认')
    expect(navigations).toEqual(['/pages/request/index?id=rq-3', '/pages-wish/detail/index?id=w-1'])
  })

  test('staff: 去审核 while a binding or a wish waits; 已处理 once someone decided it; a tap opens where it is decided', async () => {
    answer({
      'requests.myMessages': () => success({ items: [
        message({ _id: 'bind-2>me', audience: 'staff', requestId: undefined, page: 'pages-staff/workbench/index', action: 'bindingWaiting', kind: 'review', title: '有居民申请绑定住户，待审核', todo: { act: 'review', state: 'waiting' } }),
        message({ _id: 'bind-1>me', audience: 'staff', requestId: undefined, page: 'pages-staff/workbench/index', action: 'bindingWaiting', kind: 'review', title: '有居民申请绑定住户，待审核（早）', todo: { act: 'review', state: 'done' } }),
        message({ _id: 'w-1#0>me', audience: 'staff', requestId: undefined, wishId: 'w-1', action: 'post', kind: 'review', title: '有微心愿待核实', todo: { act: 'review', state: 'moot' } }),
      ], nextCursor: null }),
    })
    render(<MessagesPage />)
    await screen.findByText('有居民申请绑定住户，待审核')
    expect(cardOf('有居民申请绑定住户，待审核')).toHaveTextContent('去审核')
    expect(cardOf('有居民申请绑定住户，待审核（早）')).toHaveTextContent('✓ 已处理')
    expect(cardOf('有居民申请绑定住户，待审核（早）')).not.toHaveTextContent('去审核')
    expect(cardOf('有微心愿待核实')).not.toHaveTextContent(/去审核|已处理/)
    await tap('去审核')
    expect(navigations).toEqual(['/pages-staff/workbench/index'])
  })

  test('a tab page shows the badge the server counts when it shows; signed out, there is none', async () => {
    answer({ ...quietHome, 'requests.unreadMessages': () => success({ unread: 2 }) })
    const { unmount } = render(<HomePage />)
    await waitFor(() => expect(tabBadges).toEqual(['set 1 2']))
    unmount()
    answer({ ...quietHome, 'requests.unreadMessages': () => failure('UNAUTHENTICATED') })
    render(<HomePage />)
    await waitFor(() => expect(tabBadges).toEqual(['set 1 2', 'remove 1']))
  })
})
