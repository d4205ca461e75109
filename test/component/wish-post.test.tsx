import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import PostWishPage from '@/pages-wish/post/index'
import { errorText } from '@/services/error-text'
import { deliveryNotes, wishCategoryGuidance } from '@/services/wish-labels'
import { failure, success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { errorBeside, fieldErrors, tap, typeInto } from './support/fields'
import { household, whoami } from './support/fixtures'
import { pinNow } from './support/request-fixtures'
import { expectNear, kangleMap, tapMapAt } from './support/map'
import { navigations, pickedPhotos, scrolledTo } from './support/taro.mock'
import { at, wishDetail } from './support/wish-fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))
jest.mock('@/services/upload-photo', () => ({
  uploadPhoto: jest.fn(async (path: string) => `cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-resident/20250303/${path}`),
}))

/** Noon in Beijing (04:00 UTC) of a March 2025 day: what the form sends for that day. */
const noonOfMarch = (day: number) => Date.UTC(2025, 2, day, 4, 0)

/** The date picker answers as the platform's does: a change event carrying YYYY-MM-DD. */
function pickDate(value: string) {
  const picker = document.querySelector('taro-picker-core') as Element
  fireEvent(picker, new CustomEvent('change', { detail: { value }, bubbles: true }))
}

const bound = { 'directory.whoami': () => success(whoami({ household })) }

describe('说个心愿: posting a wish', () => {
  afterEach(() => jest.restoreAllMocks())

  test('each kind of help says what it covers, and emergencies are sent elsewhere', async () => {
    answer(bound)
    render(<PostWishPage />)
    expect(await screen.findByText(wishCategoryGuidance.elderlyDisabled)).toBeInTheDocument()
    expect(screen.getByText(wishCategoryGuidance.study)).toBeInTheDocument()
    expect(screen.getByText(/急病、着火、有人受伤/)).toBeInTheDocument()
  })

  test('a bound resident posts text, a photo, the picked day as noon Beijing, the delivery and the household, then sees what happens next', async () => {
    pinNow(at)
    const calls = answer({ ...bound, 'wishes.post': () => success(wishDetail({ delivery: 'station' })) })
    render(<PostWishPage />)
    await tap('助老助残')
    expect(await screen.findByText('我家：康乐社区 康乐小区 1号楼 101室')).toBeInTheDocument()
    await typeInto('需要什么帮助，什么时候方便', ' 腿脚不便，想请人帮忙买降压药 ')
    pickedPhotos.push('medicine.jpg')
    await act(() => tap('添加照片（最多 3 张）'))
    expect(await screen.findByText('再加照片（还能加 2 张）')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByText('上传中…')).not.toBeInTheDocument())
    expect(screen.getByText('2025年3月10日')).toBeInTheDocument()
    pickDate('2025-03-20')
    expect(await screen.findByText('2025年3月20日')).toBeInTheDocument()
    await tap('送到居委会/党群服务站')
    expect(screen.getByText(`送到居委会/党群服务站：${deliveryNotes.station}`)).toBeInTheDocument()
    await tap('提交心愿')

    expect(await screen.findByText('心愿提交好了')).toBeInTheDocument()
    expect(screen.getByText('现在：等待居委会核实')).toBeInTheDocument()
    expect(screen.getByText(/核实后把心愿发给您家附近党支部的党员/)).toBeInTheDocument()
    expect(screen.getByText('党员只看到心愿的内容。认领的那一位党员才能看到您的姓名和电话。')).toBeInTheDocument()
    expect(inputsOf(calls, 'post')).toEqual([
      {
        idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
        category: 'elderlyDisabled',
        text: '腿脚不便，想请人帮忙买降压药',
        photos: ['cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-resident/20250303/medicine.jpg'],
        neededBy: noonOfMarch(20),
        delivery: 'station',
        place: { householdId: household.householdId },
      },
    ])
    await tap('看这个心愿')
    expect(navigations).toEqual(['/pages-wish/detail/index?id=w-1'])
  })

  test('the day offered first is a week from the Beijing day, even when it is still yesterday in UTC', async () => {
    // 00:30 on 4 March in Beijing is 16:30 on 3 March in UTC.
    pinNow(Date.UTC(2025, 2, 3, 16, 30))
    const calls = answer({ ...bound, 'wishes.post': () => success(wishDetail()) })
    render(<PostWishPage />)
    await tap('物品')
    expect(await screen.findByText('2025年3月11日')).toBeInTheDocument()
    await typeInto('需要什么帮助，什么时候方便', '想要一个台灯')
    await tap('上门')
    await tap('提交心愿')
    await screen.findByText('心愿提交好了')
    expect(inputsOf(calls, 'post')).toEqual([expect.objectContaining({ category: 'goods', neededBy: noonOfMarch(11), delivery: 'home', photos: [] })])
  })

  test('without a household the resident posts at a point tapped on the map', async () => {
    pinNow(at)
    const calls = answer({ 'directory.whoami': () => success(whoami()), 'directory.communityMap': () => success(kangleMap()), 'wishes.post': () => success(wishDetail()) })
    render(<PostWishPage />)
    expect(await screen.findByText('还没有绑定您家')).toBeInTheDocument()
    await tap('生活帮扶')
    await typeInto('需要什么帮助，什么时候方便', '帮忙取一下快递')
    await tap('上门')
    const home = { lng: 121.4334, lat: 31.1851 }
    await tapMapAt(kangleMap(), home)
    await tap('就是这个位置')
    expect(await screen.findByText(/^地图上选的位置：在康乐社区康乐一网格，离康乐小区1号楼约\d米$/)).toBeInTheDocument()
    await tap('提交心愿')
    await screen.findByText('心愿提交好了')
    expect(inputsOf(calls, 'post')).toEqual([expect.objectContaining({ category: 'life', place: { point: expect.any(Object) } })])
    const [posted] = inputsOf(calls, 'post') as { place: { point: unknown } }[]
    expectNear(posted.place.point, home)
  })

  test('nothing is sent without words, a delivery choice or a place, and each says which box to fix', async () => {
    const calls = answer({ 'directory.whoami': () => success(whoami()), 'directory.communityMap': () => success(kangleMap()) })
    render(<PostWishPage />)
    await tap('健康')
    await tap('提交心愿')
    // All three at once, each beside its own box, and the page brought up to the first.
    await waitFor(() => expect(fieldErrors()).toHaveLength(3))
    expect(errorBeside('您的心愿')).toBe('请写一下您的心愿：需要什么帮助。')
    expect(errorBeside('怎么帮您')).toBe('请选一下怎么帮您：上门，还是送到居委会。')
    expect(errorBeside('在哪里（用来找离您最近的党支部）')).toBe('请先选好在哪里。')
    expect(scrolledTo.at(-1)).toBe(`#${screen.getByText('您的心愿').closest('[id]')?.id}`)
    // Each goes the moment its box is right, without another tap on the button.
    await typeInto('需要什么帮助，什么时候方便', '陪我去医院复查')
    await waitFor(() => expect(errorBeside('您的心愿')).toBeNull())
    await tap('上门')
    await waitFor(() => expect(errorBeside('怎么帮您')).toBeNull())
    expect(errorBeside('在哪里（用来找离您最近的党支部）')).toBe('请先选好在哪里。')
    await tap('提交心愿')
    expect(fieldErrors()).toEqual(['请先选好在哪里。'])
    expect(inputsOf(calls, 'post')).toEqual([])
  })

  test('a retried post sends the same idempotency key, so the server keeps one wish', async () => {
    let attempts = 0
    const calls = answer({ ...bound, 'wishes.post': () => (++attempts === 1 ? failure('INTERNAL', 'timeout') : success(wishDetail())) })
    render(<PostWishPage />)
    await tap('助学')
    await typeInto('需要什么帮助，什么时候方便', '孩子缺一个书包')
    await tap('送到居委会/党群服务站')
    await tap('提交心愿')
    expect(await screen.findByRole('alert')).toHaveTextContent(errorText.INTERNAL)
    await tap('提交心愿')
    expect(await screen.findByText('心愿提交好了')).toBeInTheDocument()
    const [first, second] = inputsOf(calls, 'post') as { idempotencyKey: string }[]
    expect(second.idempotencyKey).toBe(first.idempotencyKey)
  })
})
