import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import InboxPage from '@/pages-staff/inbox/index'
import { failure, success, type InboxCounts } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap } from './support/fields'
import { at, HOUR, pinNow, requestSummary } from './support/request-fixtures'
import { layout, navigations, pullDown, reachBottom, scrollPageTo } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const triage = { place: '康乐小区3号楼', requester: '王*' }
const onTime = requestSummary({ _id: 'rq-on-time', excerpt: '路灯不亮', category: 'facility', ...triage })
const dueSoon = requestSummary({ _id: 'rq-due-soon', excerpt: '楼道堆物', due: { stage: 'respond', dueAt: at + HOUR, urgency: 'dueSoon' }, ...triage })
const overdue = requestSummary({ _id: 'rq-overdue', excerpt: '外墙松动', category: 'hazard', due: { stage: 'resolve', dueAt: at - 26 * HOUR, urgency: 'overdue' }, ...triage })
const noClock = requestSummary({ _id: 'rq-no-clock', excerpt: '待审核的事', due: null, ...triage })
const counts: InboxCounts = { overdue: 1, toAccept: 3, inHand: 12, awaitingRating: 0, review: null }

const excerpts = () => Array.from(document.querySelectorAll('.request-card')).map((card) => card.querySelector('.triage-card__excerpt')?.textContent)
const cardOf = (excerpt: string) => screen.getByText(excerpt).closest('.request-card') as HTMLElement

describe('the handler’s inbox: cards made for triage', () => {
  beforeEach(() => pinNow(at))
  afterEach(() => jest.restoreAllMocks())

  test('overdue work first, then due soon, then the rest, each group in the server’s order', async () => {
    answer({ 'requests.inboxCounts': () => success(counts), 'requests.inbox': () => success({ items: [onTime, noClock, dueSoon, overdue], nextCursor: null }) })
    render(<InboxPage />)
    await screen.findByText('外墙松动')
    expect(excerpts()).toEqual(['外墙松动', '楼道堆物', '路灯不亮', '待审核的事'])
  })

  test('time left and time over in words, overdue marked in red as well: never colour alone', async () => {
    answer({ 'requests.inboxCounts': () => success(counts), 'requests.inbox': () => success({ items: [overdue, dueSoon, onTime], nextCursor: null }) })
    render(<InboxPage />)
    await screen.findByText('外墙松动')
    expect(cardOf('外墙松动')).toHaveClass('triage-card--overdue')
    expect(cardOf('外墙松动')).toHaveTextContent('办结已超时 26小时')
    expect(cardOf('楼道堆物')).toHaveTextContent('答复还剩 1小时')
    expect(cardOf('路灯不亮')).toHaveTextContent('答复还剩 24小时')
  })

  test('where and who: the building and the requester masked, the phone masked, never the room', async () => {
    pinNow(at + 3 * HOUR)
    answer({ 'requests.inboxCounts': () => success(counts), 'requests.inbox': () => success({ items: [onTime], nextCursor: null }) })
    render(<InboxPage />)
    await screen.findByText('路灯不亮')
    expect(screen.getByText('康乐小区3号楼 · 王* 138****1111')).toBeInTheDocument()
    expect(cardOf('路灯不亮')).not.toHaveTextContent('1**1')
    expect(cardOf('路灯不亮')).toHaveTextContent('3小时前提交')
  })

  test('a point on the map and a 巡查发现 with no resident read as such', async () => {
    const point = requestSummary({ _id: 'rq-point', excerpt: '路边垃圾', place: '地图上的点（康乐一网格）', requester: null, filedBy: 'proactive', contact: { masked: true } })
    answer({ 'requests.inboxCounts': () => success(counts), 'requests.inbox': () => success({ items: [point], nextCursor: null }) })
    render(<InboxPage />)
    expect(await screen.findByText('地图上的点（康乐一网格） · 巡查发现')).toBeInTheDocument()
  })

  test('the owner’s own name is not repeated on her own cards; a colleague’s is named', async () => {
    const mine = requestSummary({ _id: 'rq-mine', excerpt: '我的事', ownedByCaller: true, ...triage })
    const colleagues = requestSummary({ _id: 'rq-theirs', excerpt: '同事的事', owner: { id: 'staff-li', name: '网格员李强' }, ...triage })
    answer({ 'requests.inboxCounts': () => success(counts), 'requests.inbox': () => success({ items: [mine, colleagues], nextCursor: null }) })
    render(<InboxPage />)
    await screen.findByText('我的事')
    expect(cardOf('我的事')).not.toHaveTextContent('周丽')
    expect(cardOf('我的事')).not.toHaveTextContent('负责人')
    expect(cardOf('同事的事')).toHaveTextContent('负责人：网格员李强')
  })
})

describe('the handler’s inbox: tabs, counts, paging, refresh', () => {
  afterEach(() => jest.restoreAllMocks())

  test('each tab carries the server’s count; 待审核 is offered only to reviewers', async () => {
    answer({ 'requests.inboxCounts': () => success(counts), 'requests.inbox': () => success({ items: [onTime], nextCursor: null }) })
    render(<InboxPage />)
    await screen.findByText('路灯不亮')
    const tabCount = (title: string) => screen.getByText(title).parentElement?.querySelector('.tabs__count')?.textContent
    expect(tabCount('已超时')).toBe('1')
    expect(tabCount('待接单')).toBe('3')
    expect(tabCount('办理中')).toBe('12')
    expect(tabCount('待评价')).toBe('0')
    expect(screen.getByText('已办结').querySelector('.tabs__count')).toBeNull()
    expect(screen.queryByText('待审核')).toBeNull()
  })

  test('a reviewer sees 待审核 with its count', async () => {
    answer({ 'requests.inboxCounts': () => success({ ...counts, review: 2 }), 'requests.inbox': () => success({ items: [onTime], nextCursor: null }) })
    render(<InboxPage />)
    await screen.findByText('路灯不亮')
    expect(screen.getByText('待审核').parentElement?.querySelector('.tabs__count')?.textContent).toBe('2')
  })

  test('each tab asks for its state; more pages come with the cursor, by tap or on reaching the bottom', async () => {
    const calls = answer({
      'requests.inboxCounts': () => success(counts),
      'requests.inbox': (input) => {
        const cursor = (input as { cursor?: string }).cursor
        if (cursor === 'c-2') return success({ items: [overdue], nextCursor: 'c-3' })
        if (cursor === 'c-3') return success({ items: [dueSoon], nextCursor: null })
        return success({ items: [onTime], nextCursor: 'c-2' })
      },
    })
    render(<InboxPage />)
    await tap('再看更多')
    expect(await screen.findByText('外墙松动')).toBeInTheDocument()
    act(() => reachBottom())
    expect(await screen.findByText('楼道堆物')).toBeInTheDocument()
    await tap('已超时')
    await screen.findByText('路灯不亮')
    await tap('办理中')
    await screen.findByText('路灯不亮')
    expect(inputsOf(calls, 'inbox')).toEqual([
      { state: 'toAccept', limit: 50 },
      { state: 'toAccept', limit: 50, cursor: 'c-2' },
      { state: 'toAccept', limit: 50, cursor: 'c-3' },
      { urgency: 'overdue', limit: 50 },
      { state: 'inHand', limit: 50 },
    ])
    fireEvent.click(screen.getByText('路灯不亮'))
    expect(navigations).toEqual(['/pages-staff/request/index?id=rq-on-time'])
  })

  test('pulling the page down asks again for the list and the counts', async () => {
    let toAccept = 3
    const calls = answer({ 'requests.inboxCounts': () => success({ ...counts, toAccept }), 'requests.inbox': () => success({ items: [onTime], nextCursor: null }) })
    render(<InboxPage />)
    await screen.findByText('路灯不亮')
    toAccept = 4
    act(() => pullDown())
    await waitFor(() => expect(screen.getByText('待接单').parentElement?.querySelector('.tabs__count')?.textContent).toBe('4'))
    expect(inputsOf(calls, 'inbox')).toHaveLength(2)
    expect(inputsOf(calls, 'inboxCounts')).toHaveLength(2)
  })

  test('someone who handles no requests is told so at once, not shown an empty list', async () => {
    answer({ 'requests.inboxCounts': () => failure('FORBIDDEN', 'no'), 'requests.inbox': () => failure('FORBIDDEN', 'no') })
    render(<InboxPage />)
    expect(await screen.findByText('这里是工作人员的页面')).toBeInTheDocument()
    expect(screen.queryByText('这里没有诉求。')).toBeNull()
    expect(screen.queryByText('待接单')).toBeNull()
  })
})

describe('a thousand items: only the rows near the screen are in the page', () => {
  afterEach(() => jest.restoreAllMocks())
  const thousand = Array.from({ length: 1000 }, (_, i) => requestSummary({ _id: `rq-${i}`, excerpt: `第${i}件`, ...triage }))

  test('rows away from the screen give way to spacers of their height, and come back on scrolling', async () => {
    layout.rowHeight = 120
    answer({ 'requests.inboxCounts': () => success(counts), 'requests.inbox': () => success({ items: thousand, nextCursor: null }) })
    render(<InboxPage />)
    await screen.findByText('第0件')
    await waitFor(() => expect(document.querySelectorAll('.request-card').length).toBeLessThan(30))
    expect(screen.queryByText('第999件')).toBeNull()
    act(() => scrollPageTo(500 * 120))
    expect(await screen.findByText('第500件')).toBeInTheDocument()
    expect(screen.queryByText('第0件')).toBeNull()
    expect(document.querySelectorAll('.request-card').length).toBeLessThan(30)
    const list = document.getElementById('inbox-list')!
    const heights = Array.from(list.children).map((child) => (child as HTMLElement).style.height).filter(Boolean).map((h) => Number.parseFloat(h))
    const rows = list.querySelectorAll('.windowed-row').length
    expect(heights.reduce((a, b) => a + b, 0) + rows * 120).toBe(1000 * 120)
  })
})
