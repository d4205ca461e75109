import { fireEvent, render, screen } from '@testing-library/react'
import MessagesPage from '@/pages/messages/index'
import MyRequestsPage from '@/pages/requests/index'
import { success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap } from './support/fields'
import { at, HOUR, pinNow, requestSummary } from './support/request-fixtures'
import { navigations } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const MINUTE = 60_000

describe('my requests and my messages', () => {
  // 13:00 on 3 March in Shanghai.
  beforeEach(() => pinNow(at + 4 * HOUR))
  afterEach(() => jest.restoreAllMocks())

  test('each of my requests says where it stands, who has it, by when, and what happened last', async () => {
    const calls = answer({
      'requests.listMine': () =>
        success({ items: [requestSummary({ status: 'accepted', latest: { action: 'accept', at: at + HOUR, to: 'accepted' }, contact: { masked: false } })], nextCursor: null }),
    })
    render(<MyRequestsPage />)
    expect(await screen.findByText('已接单')).toBeInTheDocument()
    expect(screen.getByText('负责人：网格员周丽（康乐一网格）')).toBeInTheDocument()
    // The deadline is a time on the calendar; what happened last, how long ago.
    expect(screen.getByText('3月4日 09:00 前答复')).toBeInTheDocument()
    expect(screen.getByText('最新：3小时前 接单了')).toBeInTheDocument()
    await tap('全部')
    await screen.findByText('已接单')
    expect(inputsOf(calls, 'listMine')).toEqual([{ open: true, limit: 20 }, { limit: 20 }])
    fireEvent.click(screen.getByText('3号楼电梯停了两天'))
    expect(navigations).toEqual(['/pages/request/index?id=rq-1'])
  })

  test('消息 lists my notifications and opens each where it can be acted on', async () => {
    const item = (over: object) => ({ _id: 'm-1', audience: 'resident', requestId: 'rq-1', action: 'accept', title: '诉求已接单', body: '网格员周丽已接单', at, ...over })
    answer({ 'requests.myMessages': () => success({ items: [item({}), item({ _id: 'm-2', audience: 'staff', requestId: 'rq-2', title: '有新诉求待接单' })], nextCursor: null }) })
    render(<MessagesPage />)
    expect(await screen.findAllByText('4小时前')).toHaveLength(2)
    await tap('诉求已接单')
    await tap('有新诉求待接单')
    expect(navigations).toEqual(['/pages/request/index?id=rq-1', '/pages-staff/request/index?id=rq-2'])
  })

  test('each 消息 row says how long ago, in Shanghai’s days', async () => {
    const item = (_id: string, when: number) => ({ _id, audience: 'resident', requestId: 'rq-1', action: 'accept', title: `诉求已接单 ${_id}`, body: '网格员周丽已接单', at: when })
    const now = at + 4 * HOUR
    answer({
      'requests.myMessages': () =>
        success({ items: [item('m-1', now - 30_000), item('m-2', now - 25 * MINUTE), item('m-3', at - 10 * HOUR), item('m-4', at - 40 * HOUR)], nextCursor: null }),
    })
    render(<MessagesPage />)
    await screen.findByText('诉求已接单 m-1')
    const whens = Array.from(document.querySelectorAll('.message__when')).map((line) => line.textContent)
    expect(whens).toEqual(['刚刚', '25分钟前', '昨天 23:00', '3月1日'])
  })

  test('an empty 消息 page says what will appear there', async () => {
    answer({ 'requests.myMessages': () => success({ items: [], nextCursor: null }) })
    render(<MessagesPage />)
    expect(await screen.findByText('还没有消息。您提交的事有进展时，会在这里告诉您。')).toBeInTheDocument()
  })
})
