import { act, renderHook, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { call } from '@/services/call'
import { askAtTap, askBeforeSending, refreshSubscriptions, templatesToAsk, useSubscriptions } from '@/services/subscribe'
import { promptSubscribe } from '@/services/subscribe-prompt'
import { promptSubscribe as browserPrompt } from '@/services/subscribe-prompt.h5'
import { failure, type NoticeKind, noticeKinds, staffNoticeKinds, type SubscriptionView, success } from '@/types'
import { answer, inputsOf } from './support/fake-call'

jest.mock('@/services/call', () => ({ call: jest.fn() }))
jest.mock('@/services/subscribe-prompt', () => ({ promptSubscribe: jest.fn() }))

const view = (kind: NoticeKind, remaining = 0, always = false): SubscriptionView => ({ kind, templateId: `T-${kind}`, remaining, always })
const everything = [view('accepted', 5), view('progress', 1), view('replied', 2), view('newWork', 0), view('alert', 3), view('review', 0)]
const prompt = jest.mocked(promptSubscribe)

async function known(views: SubscriptionView[]) {
  answer({ 'directory.mySubscriptions': () => success(views), 'directory.grantSubscriptions': () => success(views) })
  await refreshSubscriptions()
}

describe('askAtTap', () => {
  test('never asks for more than 3 templates, the ones with the fewest messages left first', () => {
    expect(templatesToAsk(everything, noticeKinds).map((v) => v.kind)).toEqual(['newWork', 'review', 'progress'])
    expect(templatesToAsk(everything, ['alert', 'accepted']).map((v) => v.kind)).toEqual(['alert', 'accepted'])
    expect(templatesToAsk([], noticeKinds)).toEqual([])
  })

  test('opens the prompt before it returns (WeChat allows it only inside the tap), then reports the accepted ones', async () => {
    await known(everything)
    prompt.mockResolvedValue({ result: { errMsg: 'requestSubscribeMessage:ok', 'T-newWork': 'accept', 'T-review': 'reject', 'T-alert': 'accept' }, kept: ['T-alert'] })
    const calls = answer({ 'directory.grantSubscriptions': () => success(everything) })
    askAtTap(staffNoticeKinds)
    expect(prompt).toHaveBeenCalledWith(['T-newWork', 'T-review', 'T-alert'])
    await waitFor(() => expect(inputsOf(calls, 'grantSubscriptions')).toHaveLength(2))
    expect(inputsOf(calls, 'grantSubscriptions')).toEqual([
      { answers: { 'T-alert': 'accept' }, always: true },
      { answers: { 'T-newWork': 'accept' }, always: false },
    ])
  })

  test('asks nothing when none of the kinds has a template, and nothing is reported when nobody answered', async () => {
    await known([view('accepted')])
    askAtTap(staffNoticeKinds)
    expect(prompt).not.toHaveBeenCalled()

    const calls = answer({})
    prompt.mockResolvedValue(null)
    askAtTap(['accepted'])
    prompt.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail the main switch of subscribe messages is off' })
    askAtTap(['accepted'])
    prompt.mockImplementation(() => {
      throw new Error('no WeChat here')
    })
    expect(() => askAtTap(['accepted'])).not.toThrow()
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(inputsOf(calls, 'grantSubscriptions')).toEqual([])
  })

  test('what the report answers is what every page shows next; a failed reload keeps what was known', async () => {
    await known([view('newWork', 0)])
    const { result } = renderHook(() => useSubscriptions())
    await waitFor(() => expect(result.current).toEqual([view('newWork', 0)]))

    prompt.mockResolvedValue({ result: { 'T-newWork': 'accept' }, kept: [] })
    answer({ 'directory.grantSubscriptions': () => success([view('newWork', 1)]), 'directory.mySubscriptions': () => failure('INTERNAL') })
    act(() => void askAtTap(['newWork']))
    await waitFor(() => expect(result.current).toEqual([view('newWork', 1)]))
    await act(() => refreshSubscriptions())
    expect(result.current).toEqual([view('newWork', 1)])
    expect(jest.mocked(call)).toHaveBeenCalledWith('directory', 'mySubscriptions', {})
  })
})

test('a reload answered after a report does not put the older counts back', async () => {
  await known([view('newWork', 0)])
  let answerReload: (views: SubscriptionView[]) => void = () => undefined
  prompt.mockResolvedValue({ result: { 'T-newWork': 'accept' }, kept: [] })
  answer({
    'directory.mySubscriptions': () => new Promise((resolve) => (answerReload = (views) => resolve(success(views)))),
    'directory.grantSubscriptions': () => success([view('newWork', 1)]),
  })
  const reloading = refreshSubscriptions()
  await askAtTap(['newWork'])
  answerReload([view('newWork', 0)])
  await reloading

  answer({ 'directory.mySubscriptions': () => failure('INTERNAL') })
  const { result } = renderHook(() => useSubscriptions())
  await act(() => refreshSubscriptions())
  expect(result.current).toEqual([view('newWork', 1)])
})

describe('askBeforeSending (filing: its 受理 notice goes out at once)', () => {
  afterEach(() => jest.useRealTimers())

  test('settles once the answer is reported, so the filing finds the grant counted', async () => {
    await known([view('accepted')])
    let release: (value: { result: Record<string, unknown>; kept: string[] }) => void = () => undefined
    prompt.mockReturnValue(new Promise((resolve) => (release = resolve)))
    const calls = answer({ 'directory.grantSubscriptions': () => success([view('accepted', 1)]) })
    let settled = false
    const waiting = askBeforeSending(['accepted']).then(() => (settled = true))
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(settled).toBe(false)
    release({ result: { 'T-accepted': 'accept' }, kept: [] })
    await waiting
    expect(inputsOf(calls, 'grantSubscriptions')).toEqual([{ answers: { 'T-accepted': 'accept' }, always: false }])
  })

  test('a prompt that never answers holds nothing up for more than 10 seconds', async () => {
    await known([view('accepted')])
    jest.useFakeTimers()
    prompt.mockReturnValue(new Promise(() => undefined))
    let settled = false
    void askBeforeSending(['accepted']).then(() => (settled = true))
    await jest.advanceTimersByTimeAsync(9_999)
    expect(settled).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    expect(settled).toBe(true)
  })
})

describe('the browser’s stand-in for WeChat’s prompt', () => {
  const fetchMock = jest.fn()
  beforeEach(() => {
    ;(globalThis as { fetch?: unknown }).fetch = fetchMock
    fetchMock.mockReset()
  })

  test('asks the local function host as the signed-in persona and answers as WeChat would', async () => {
    Taro.setStorageSync('jucun.demo.token', 'demo-token')
    const answered = { errMsg: 'requestSubscribeMessage:ok', 'T-accepted': 'accept' }
    fetchMock.mockResolvedValue({ ok: true, json: async () => answered })
    await expect(browserPrompt(['T-accepted'])).resolves.toEqual({ result: answered, kept: [] })
    expect(fetchMock).toHaveBeenCalledWith('/wechat/request-subscribe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo-token' },
      body: JSON.stringify({ tmplIds: ['T-accepted'] }),
    })
  })

  test('signed out, or refused by the host, nobody is asked', async () => {
    await expect(browserPrompt(['T-accepted'])).resolves.toBeNull()
    expect(fetchMock).not.toHaveBeenCalled()
    Taro.setStorageSync('jucun.demo.token', 'demo-token')
    fetchMock.mockResolvedValue({ ok: false, json: async () => ({ errMsg: 'requestSubscribeMessage:fail', errCode: 20003 }) })
    await expect(browserPrompt(['T-accepted'])).resolves.toBeNull()
  })
})
