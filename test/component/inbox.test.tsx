import { fireEvent, render, screen } from '@testing-library/react'
import InboxPage from '@/pages-staff/inbox/index'
import { success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap } from './support/fields'
import { at, HOUR, pinNow, requestSummary } from './support/request-fixtures'
import { navigations } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const onTime = requestSummary({ _id: 'rq-on-time', excerpt: '路灯不亮', category: 'facility' })
const dueSoon = requestSummary({ _id: 'rq-due-soon', excerpt: '楼道堆物', due: { stage: 'respond', dueAt: at + HOUR, urgency: 'dueSoon' } })
const overdue = requestSummary({ _id: 'rq-overdue', excerpt: '外墙松动', category: 'hazard', due: { stage: 'resolve', dueAt: at - HOUR, urgency: 'overdue' } })
const noClock = requestSummary({ _id: 'rq-no-clock', excerpt: '待审核的事', due: null })

const excerpts = () => Array.from(document.querySelectorAll('.request-card')).map((card) => card.querySelector('.card__line')?.textContent)

describe('the handler’s inbox', () => {
  afterEach(() => jest.restoreAllMocks())

  test('shows overdue work first, then due soon, then the rest, each group in the server’s order', async () => {
    answer({ 'requests.inbox': () => success({ items: [onTime, noClock, dueSoon, overdue], nextCursor: null }) })
    render(<InboxPage />)
    await screen.findByText('外墙松动')
    expect(excerpts()).toEqual(['外墙松动', '楼道堆物', '路灯不亮', '待审核的事'])
    expect(document.querySelector('.request-card--overdue')?.textContent).toContain('（已超时）')
  })

  test('what happened last reads how long ago; the deadline stays a time on the calendar', async () => {
    pinNow(at + 2 * HOUR + 59 * 60_000)
    answer({ 'requests.inbox': () => success({ items: [onTime], nextCursor: null }) })
    render(<InboxPage />)
    expect(await screen.findByText('最新：2小时前 派给了负责人')).toBeInTheDocument()
    expect(screen.getByText('3月4日 09:00 前答复')).toBeInTheDocument()
  })

  test('contact details are shown as the server masked them', async () => {
    answer({ 'requests.inbox': () => success({ items: [onTime], nextCursor: null }) })
    render(<InboxPage />)
    expect(await screen.findByText('联系：1**1 · 138****1111')).toBeInTheDocument()
  })

  test('each tab asks the server for its state, and more pages come with the cursor', async () => {
    const calls = answer({
      'requests.inbox': (input) => success((input as { cursor?: string }).cursor ? { items: [overdue], nextCursor: null } : { items: [onTime], nextCursor: 'c-2' }),
    })
    render(<InboxPage />)
    await tap('再看更多')
    expect(await screen.findByText('外墙松动')).toBeInTheDocument()
    await tap('已超时')
    await screen.findByText('路灯不亮')
    await tap('办理中')
    await screen.findByText('路灯不亮')
    expect(inputsOf(calls, 'inbox')).toEqual([
      { state: 'toAccept', limit: 20 },
      { state: 'toAccept', limit: 20, cursor: 'c-2' },
      { urgency: 'overdue', limit: 20 },
      { state: 'inHand', limit: 20 },
    ])
    fireEvent.click(screen.getByText('路灯不亮'))
    expect(navigations).toEqual(['/pages-staff/request/index?id=rq-on-time'])
  })
})
