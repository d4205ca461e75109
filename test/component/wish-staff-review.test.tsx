import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import WishReviewPage from '@/pages-wish/review/index'
import { errorText } from '@/services/error-text'
import { failure, success, type WishSettings } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap, typeInto } from './support/fields'
import { whoami } from './support/fixtures'
import { navigations } from './support/taro.mock'
import { wishItem } from './support/wish-staff-fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const committee = whoami({ roles: ['resident', 'committee'], scopes: { gridIds: [], communityIds: ['comm-kangle'], streetIds: [], branchIds: [] } })
const gridWorker = whoami({ roles: ['resident', 'gridWorker'], scopes: { gridIds: ['grid-kangle-1'], communityIds: [], streetIds: [], branchIds: [] } })

const byQueue = {
  review: wishItem({ _id: 'wish-review', excerpt: '想请人帮忙修门锁', marked: true }),
  confirm: wishItem({ _id: 'wish-confirm', excerpt: '孩子需要一个新书包', category: 'study', status: 'fulfilled', claimed: true, lockUntil: Date.UTC(2025, 2, 9, 1, 0) }),
  open: wishItem({ _id: 'wish-open', status: 'published', summary: '老人需要有人代买降压药', audience: 'community' }),
}
const queueAnswers = {
  'wishes.listForReview': (input: unknown) => success({ items: [byQueue[(input as { queue: keyof typeof byQueue }).queue]], nextCursor: null }),
}
const kept = (input: unknown) => success(input as WishSettings)

const limitForm = () => screen.getByText('每户同时进行的心愿数').closest('.form') as HTMLElement

describe('the reviewers’ wish queues', () => {
  test('each tab asks the server for its own queue, and a card opens that wish', async () => {
    const calls = answer({ ...queueAnswers, 'directory.whoami': () => success(gridWorker) })
    render(<WishReviewPage />)
    expect(await screen.findByText('想请人帮忙修门锁')).toBeInTheDocument()
    expect(screen.getByText('请留意核实')).toBeInTheDocument()

    await tap('待确认')
    expect(await screen.findByText('孩子需要一个新书包')).toBeInTheDocument()
    expect(screen.queryByText('想请人帮忙修门锁')).not.toBeInTheDocument()
    await tap('进行中')
    expect(await screen.findByText('老人需要有人代买降压药')).toBeInTheDocument()
    expect(screen.getByText('已扩大到社区大党委')).toBeInTheDocument()

    expect(inputsOf(calls, 'listForReview')).toEqual([
      { queue: 'review', limit: 20 },
      { queue: 'confirm', limit: 20 },
      { queue: 'open', limit: 20 },
    ])
    fireEvent.click(screen.getByText('老人需要有人代买降压药'))
    expect(navigations).toEqual(['/pages-wish/detail/index?id=wish-open'])
  })

  test('says how many it holds, and the next page comes with the cursor', async () => {
    const calls = answer({
      'directory.whoami': () => success(gridWorker),
      'wishes.listForReview': (input) =>
        success(
          (input as { cursor?: string }).cursor
            ? { items: [wishItem({ _id: 'wish-3', excerpt: '第三个心愿' })], nextCursor: null }
            : { items: [wishItem({ _id: 'wish-1', excerpt: '第一个心愿' }), wishItem({ _id: 'wish-2', excerpt: '第二个心愿' })], nextCursor: 'c-2' },
        ),
    })
    render(<WishReviewPage />)
    expect(await screen.findByText('共 2+ 个')).toBeInTheDocument()
    await tap('再看更多')
    expect(await screen.findByText('第三个心愿')).toBeInTheDocument()
    expect(screen.getByText('共 3 个')).toBeInTheDocument()
    expect(inputsOf(calls, 'listForReview')).toEqual([{ queue: 'review', limit: 20 }, { queue: 'review', limit: 20, cursor: 'c-2' }])
  })

  test('someone whose work this is not is told so plainly, with no queue and no settings', async () => {
    const calls = answer({ 'wishes.listForReview': () => failure('FORBIDDEN', 'reviewers only'), 'directory.whoami': () => success(whoami()) })
    render(<WishReviewPage />)
    expect(await screen.findByText('这里是工作人员的页面')).toBeInTheDocument()
    expect(screen.queryByText('待核实')).not.toBeInTheDocument()
    expect(screen.queryByText(errorText.FORBIDDEN)).not.toBeInTheDocument()
    expect(inputsOf(calls, 'settings')).toEqual([])
  })

  test('the committee sets how many wishes a household may have open at once, and sees what the server kept', async () => {
    const calls = answer({
      ...queueAnswers,
      'directory.whoami': () => success(committee),
      'wishes.settings': () => success({ communityId: 'comm-kangle', openPerHousehold: 2 }),
      'wishes.updateSettings': kept,
    })
    render(<WishReviewPage />)
    expect(await screen.findByText('现在：每户最多同时 2 个心愿')).toBeInTheDocument()
    expect(inputsOf(calls, 'settings')).toEqual([{ communityId: 'comm-kangle' }])

    await typeInto('1 到 10', '11')
    await tap('保存')
    expect(await within(limitForm()).findByRole('alert')).toHaveTextContent('请填写 1 到 10 之间的整数。')
    expect(inputsOf(calls, 'updateSettings')).toEqual([])

    await typeInto('1 到 10', '4')
    await tap('保存')
    expect(await screen.findByText('已保存：每户最多同时 4 个心愿')).toBeInTheDocument()
    expect(screen.getByText('现在：每户最多同时 4 个心愿')).toBeInTheDocument()
    expect(inputsOf(calls, 'updateSettings')).toEqual([{ communityId: 'comm-kangle', openPerHousehold: 4 }])
  })

  test('a refused change stays on screen in plain words, the old limit still shown', async () => {
    answer({
      ...queueAnswers,
      'directory.whoami': () => success(committee),
      'wishes.settings': () => success({ communityId: 'comm-kangle', openPerHousehold: 2 }),
      'wishes.updateSettings': () => failure('FORBIDDEN', 'committee only'),
    })
    render(<WishReviewPage />)
    await typeInto('1 到 10', '3')
    await tap('保存')
    expect(await within(limitForm()).findByRole('alert')).toHaveTextContent(errorText.FORBIDDEN)
    expect(screen.getByText('现在：每户最多同时 2 个心愿')).toBeInTheDocument()
    expect(screen.queryByText(/已保存/)).not.toBeInTheDocument()
  })

  test('a grid worker, who may not change the limit, is not offered it', async () => {
    const calls = answer({ ...queueAnswers, 'directory.whoami': () => success(gridWorker) })
    render(<WishReviewPage />)
    await screen.findByText('想请人帮忙修门锁')
    await waitFor(() => expect(inputsOf(calls, 'whoami')).toHaveLength(1))
    expect(screen.queryByText('心愿数量上限')).not.toBeInTheDocument()
    expect(inputsOf(calls, 'settings')).toEqual([])
  })
})
