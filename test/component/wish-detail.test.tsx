import { act, render, screen, waitFor } from '@testing-library/react'
import WishDetailPage from '@/pages-wish/detail/index'
import { errorText } from '@/services/error-text'
import { failure, success, type WishDetail } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { tap, typeInto } from './support/fields'
import { photoView, pinNow } from './support/request-fixtures'
import { navigations, pickedPhotos, routerParams, toasts } from './support/taro.mock'
import { at, DAY, HOUR, wishDetail } from './support/wish-fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))
jest.mock('@/services/upload-photo', () => ({
  uploadPhoto: jest.fn(async (path: string) => `cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-member/20250303/${path}`),
}))

/** Every button the page can show, main and secondary; a test lists the ones it expects. */
const everyButton = ['核实通过，发布', '退回', '转为诉求办理', '我来认领', '我已完成', '同意取消', '走访/电话确认', '放弃认领', '收回认领', '冲销积分', '撤回心愿', '请求取消', '确认心愿已实现']
const shownOf = (texts: string[]) => texts.filter((text) => screen.queryByText(text) !== null)

const claim = { at, lockUntil: at + 7 * DAY, mine: false, claimerName: '刘*' }
const fulfilled = (over: Partial<WishDetail> = {}) =>
  wishDetail({
    status: 'fulfilled',
    claim,
    fulfilment: { at: at + DAY, note: '药已经送到家，交给了老人', photos: [photoView('cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-member/20250304/done.jpg')] },
    ...over,
  })

describe('a wish’s page shows what the server lets this viewer see and do, and only that', () => {
  beforeEach(() => {
    routerParams.id = 'w-1'
  })
  afterEach(() => jest.restoreAllMocks())

  test('a link without an id says it was not found instead of loading forever', async () => {
    delete routerParams.id
    const calls = answer({})
    render(<WishDetailPage />)
    expect(await screen.findByRole('alert')).toHaveTextContent(errorText.NOT_FOUND)
    expect(calls.filter((call) => call.fn === 'wishes')).toEqual([])
  })

  test('the wisher reads where it stands, who claimed it (masked) and by when, what was done, and confirms with thanks and a rating', async () => {
    const calls = answer({
      'wishes.detail': () => success(fulfilled({ availableActions: ['confirm'] })),
      'wishes.confirm': () => success(fulfilled({ status: 'realised', confirmation: { at: at + 2 * DAY, via: 'wisher', thanks: '谢谢刘师傅', rating: 5 } })),
    })
    render(<WishDetailPage />)
    expect(await screen.findByText('助老助残 · 已完成，等待确认')).toBeInTheDocument()
    expect(screen.getByText('党员说已经办好了。真的办好了，请在下面点“确认心愿已实现”。')).toBeInTheDocument()
    expect(screen.getByText('刘*')).toBeInTheDocument()
    expect(screen.getByText('3月10日 09:00 前')).toBeInTheDocument()
    expect(screen.getByText('药已经送到家，交给了老人')).toBeInTheDocument()
    expect(screen.getByLabelText('完成照片第 1 张')).toBeInTheDocument()
    expect(shownOf(everyButton)).toEqual(['确认心愿已实现'])

    await typeInto('例如：谢谢您帮我买药', '谢谢刘师傅')
    await tap('5 分 · 非常满意')
    await tap('确认心愿已实现')
    expect(await screen.findByText('助老助残 · 心愿已实现')).toBeInTheDocument()
    expect(inputsOf(calls, 'confirm')).toEqual([{ wishId: 'w-1', thanks: '谢谢刘师傅', rating: 5 }])
    expect(screen.getByText('“谢谢刘师傅”')).toBeInTheDocument()
    expect(screen.getByText('评分：5 分 · 非常满意')).toBeInTheDocument()
    expect(shownOf(everyButton)).toEqual([])
  })

  test('confirming without thanks or a rating sends neither', async () => {
    const calls = answer({
      'wishes.detail': () => success(fulfilled({ availableActions: ['confirm'] })),
      'wishes.confirm': () => success(fulfilled({ status: 'realised', confirmation: { at: at + 2 * DAY, via: 'wisher' } })),
    })
    render(<WishDetailPage />)
    await tap('确认心愿已实现')
    expect(await screen.findByText('居民确认')).toBeInTheDocument()
    expect(inputsOf(calls, 'confirm')).toEqual([{ wishId: 'w-1' }])
  })

  test.each([
    { offered: ['withdraw'], shown: ['撤回心愿'] },
    { offered: ['requestCancel'], shown: ['请求取消'] },
    { offered: ['publish', 'return', 'convert'], shown: ['核实通过，发布', '退回', '转为诉求办理'] },
    { offered: ['claim'], shown: ['我来认领'] },
    { offered: ['fulfil', 'release'], shown: ['我已完成', '放弃认领'] },
    { offered: ['revoke', 'confirmByVisit'], shown: ['走访/电话确认', '收回认领'] },
    { offered: [], shown: [] },
  ] as { offered: WishDetail['availableActions']; shown: string[] }[])('offered $offered: the page shows $shown', async ({ offered, shown }) => {
    answer({ 'wishes.detail': () => success(wishDetail({ status: 'published', availableActions: offered })) })
    render(<WishDetailPage />)
    await screen.findByText('经过')
    expect(shownOf(everyButton)).toEqual(shown)
  })

  test('the ways out come after the story: withdrawing is never the first thing on the page', async () => {
    answer({ 'wishes.detail': () => success(wishDetail({ availableActions: ['withdraw'] })) })
    render(<WishDetailPage />)
    const story = await screen.findByText('经过')
    const withdraw = screen.getByText('撤回心愿')
    expect(story.compareDocumentPosition(withdraw) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  type Step = () => Promise<void>
  const cases: { name: string; offered: WishDetail['availableActions']; steps: Step[]; action: string; input: object; after: Partial<WishDetail>; shows: string }[] = [
    {
      name: 'publish with a public summary',
      offered: ['publish', 'return', 'convert'],
      steps: [() => tap('核实通过，发布'), () => typeInto('例如：独居老人需要有人帮忙买降压药', ' 独居老人需要有人帮忙买药 '), () => tap('发布给党员')],
      action: 'review',
      input: { wishId: 'w-1', decision: 'publish', summary: '独居老人需要有人帮忙买药' },
      after: { status: 'published', summary: '独居老人需要有人帮忙买药' },
      shows: '助老助残 · 等待党员认领',
    },
    {
      name: 'return with the reason the resident reads',
      offered: ['publish', 'return', 'convert'],
      steps: [() => tap('退回'), () => typeInto('例如：请写清楚需要哪一天、需要什么', '请写清楚要买哪种药'), () => tap('确认退回')],
      action: 'review',
      input: { wishId: 'w-1', decision: 'return', reason: '请写清楚要买哪种药' },
      after: { status: 'returned', returnReason: '请写清楚要买哪种药' },
      shows: '居委会退回的原因',
    },
    {
      name: 'convert into a request of the picked category',
      offered: ['publish', 'return', 'convert'],
      steps: [() => tap('转为诉求办理'), () => tap('为老服务'), () => tap('确认转为诉求')],
      action: 'convert',
      input: { wishId: 'w-1', category: 'elderly' },
      after: { status: 'converted', convertedTo: 'rq-7' },
      shows: '看转成的诉求',
    },
    {
      name: 'release with a reason',
      offered: ['fulfil', 'release'],
      steps: [() => tap('放弃认领'), () => typeInto('例如：这几天要出差，怕耽误了', '临时要出差'), () => tap('确认放弃认领')],
      action: 'release',
      input: { wishId: 'w-1', reason: '临时要出差' },
      after: { status: 'published' },
      shows: '助老助残 · 等待党员认领',
    },
    {
      name: 'revoke with a reason',
      offered: ['revoke'],
      steps: [() => tap('收回认领'), () => typeInto('例如：居民说一直没人联系', '一直没有联系居民'), () => tap('确认收回认领')],
      action: 'revoke',
      input: { wishId: 'w-1', reason: '一直没有联系居民' },
      after: { status: 'published' },
      shows: '助老助残 · 等待党员认领',
    },
    {
      name: 'confirm by a call, with what the resident said',
      offered: ['confirmByVisit'],
      steps: [() => tap('走访/电话确认'), () => tap('打电话问过'), () => typeInto('例如：老人说药已经收到了，很满意', '老人说药收到了'), () => tap('确认心愿已实现')],
      action: 'confirmByVisit',
      input: { wishId: 'w-1', via: 'call', note: '老人说药收到了' },
      after: { status: 'realised', confirmation: { at: at + 2 * DAY, via: 'call' } },
      shows: '网格员打电话问过后确认',
    },
    {
      name: 'withdraw without a reason',
      offered: ['withdraw'],
      steps: [() => tap('撤回心愿'), () => tap('确认撤回')],
      action: 'withdraw',
      input: { wishId: 'w-1' },
      after: { status: 'withdrawn' },
      shows: '助老助残 · 已撤回',
    },
    {
      name: 'withdraw with a reason',
      offered: ['withdraw'],
      steps: [() => tap('撤回心愿'), () => typeInto('例如：家里人已经帮我办了', '女儿买回来了'), () => tap('确认撤回')],
      action: 'withdraw',
      input: { wishId: 'w-1', reason: '女儿买回来了' },
      after: { status: 'withdrawn' },
      shows: '助老助残 · 已撤回',
    },
    {
      name: 'request to cancel after a claim, with a reason',
      offered: ['requestCancel'],
      steps: [() => tap('请求取消'), () => typeInto('例如：家里人已经帮我办了', '女儿买回来了'), () => tap('发送取消请求')],
      action: 'requestCancel',
      input: { wishId: 'w-1', reason: '女儿买回来了' },
      after: { status: 'claimed', claim, cancelRequest: { at: at + HOUR, reason: '女儿买回来了' } },
      shows: '居民请求取消（3月3日 10:00）',
    },
    {
      name: 'agree to cancel, with a note',
      offered: ['agreeCancel', 'fulfil', 'release'],
      steps: [() => tap('同意取消'), () => typeInto('例如：好的，有需要再找我', '好的'), () => tap('确认同意取消')],
      action: 'agreeCancel',
      input: { wishId: 'w-1', note: '好的' },
      after: { status: 'withdrawn' },
      shows: '助老助残 · 已撤回',
    },
  ]

  test.each(cases)('$name sends its action and shows the wish the server answers', async ({ offered, steps, action, input, after, shows }) => {
    const calls = answer({
      'wishes.detail': () => success(wishDetail({ status: 'claimed', claim: { ...claim, mine: true }, availableActions: offered })),
      [`wishes.${action}`]: () => success(wishDetail({ availableActions: [], ...after })),
    })
    render(<WishDetailPage />)
    await screen.findByText('经过')
    for (const step of steps) await step()
    expect(await screen.findByText(shows)).toBeInTheDocument()
    expect(inputsOf(calls, action)).toEqual([input])
    expect(shownOf(everyButton)).toEqual([])
    expect(toasts).toHaveLength(1)
  })

  test('a reason the contract requires is asked for before anything is sent', async () => {
    const calls = answer({ 'wishes.detail': () => success(wishDetail({ status: 'claimed', claim, availableActions: ['revoke'] })) })
    render(<WishDetailPage />)
    await tap('收回认领')
    await tap('确认收回认领')
    expect(await screen.findByRole('alert')).toHaveTextContent('请写一下原因。')
    expect(inputsOf(calls, 'revoke')).toEqual([])
  })

  test('claiming says by when the member must finish (the server’s lock for a claim made now), and then the deadline the claim got', async () => {
    pinNow(at)
    const lockUntil = at + 3 * DAY + 15 * HOUR
    const calls = answer({
      'wishes.detail': () => success(wishDetail({ status: 'published', neededBy: lockUntil, availableActions: ['claim'], claimLockUntil: lockUntil })),
      'wishes.claim': () =>
        success(
          wishDetail({
            status: 'claimed',
            neededBy: lockUntil,
            claim: { at, lockUntil, mine: true, claimerName: '刘建国' },
            contact: { name: '王秀英', phone: '13800001111', address: '康乐小区1号楼101室', masked: false },
            availableActions: ['fulfil', 'release'],
          }),
        ),
    })
    render(<WishDetailPage />)
    await tap('我来认领')
    expect(screen.getByText('认领后请在 3月7日 00:00 前完成（2025年3月6日前需要）。')).toBeInTheDocument()
    await tap('确认认领')
    expect(await screen.findByText('您认领了这个心愿，请在 3月7日 00:00 前办好，办好后点“我已完成”。')).toBeInTheDocument()
    expect(screen.getByText('3月7日 00:00 前')).toBeInTheDocument()
    expect(inputsOf(calls, 'claim')).toEqual([{ wishId: 'w-1' }])
    expect(shownOf(everyButton)).toEqual(['我已完成', '放弃认领'])
    // The claimer now reads the wisher's contact in full, with a number to ring (tel: in the browser).
    expect(screen.getByText('康乐小区1号楼101室')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '拨打 13800001111' })).toHaveAttribute('href', 'tel:13800001111')
  })

  test('a wish needed weeks ahead says the lock the server offers, not the needed-by day', async () => {
    pinNow(at)
    answer({ 'wishes.detail': () => success(wishDetail({ status: 'published', neededBy: at + 30 * DAY, availableActions: ['claim'], claimLockUntil: at + 7 * DAY })) })
    render(<WishDetailPage />)
    await tap('我来认领')
    expect(screen.getByText(/^认领后请在 3月10日 09:00 前完成/)).toBeInTheDocument()
  })

  test('a lost race to claim is told in plain words, and nothing else changes', async () => {
    answer({
      'wishes.detail': () => success(wishDetail({ status: 'published', availableActions: ['claim'] })),
      'wishes.claim': () => failure('CONFLICT', 'claimed by another member'),
    })
    render(<WishDetailPage />)
    await tap('我来认领')
    await tap('确认认领')
    expect(await screen.findByRole('alert')).toHaveTextContent(errorText.CONFLICT)
    expect(screen.getByText('助老助残 · 等待党员认领')).toBeInTheDocument()
  })

  test('a masked contact has no number to ring', async () => {
    answer({ 'wishes.detail': () => success(wishDetail({ status: 'published', relations: ['branchMember'], contact: { name: '王*', phone: '138****1111', masked: true }, availableActions: ['claim'] })) })
    render(<WishDetailPage />)
    expect(await screen.findByText('138****1111')).toBeInTheDocument()
    expect(screen.getByText('认领以后才能看到完整的联系方式。')).toBeInTheDocument()
    expect(screen.queryByRole('link')).toBeNull()
    expect(screen.queryByText(/拨打/)).toBeNull()
  })

  test('a reviewer asks deliberately for the full contact to check, and can then ring', async () => {
    const calls = answer({
      'wishes.detail': () => success(wishDetail({ relations: ['gridWorker'], contact: { name: '王*', phone: '138****1111', masked: true }, availableActions: ['publish', 'return', 'convert'] })),
      'wishes.revealContact': () => success({ name: '王秀英', phone: '13800001111', address: '康乐小区1号楼101室', masked: false }),
    })
    render(<WishDetailPage />)
    expect(await screen.findByText('138****1111')).toBeInTheDocument()
    expect(screen.queryByText('认领以后才能看到完整的联系方式。')).toBeNull()
    expect(screen.queryByText(/拨打/)).toBeNull()
    await tap('核实时查看完整电话和地址')
    expect(await screen.findByText('康乐小区1号楼101室')).toBeInTheDocument()
    expect(screen.getByText('本次查看已记录。只用来核实这个心愿。')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '拨打 13800001111' })).toHaveAttribute('href', 'tel:13800001111')
    expect(inputsOf(calls, 'revealContact')).toEqual([{ wishId: 'w-1' }])
  })

  test('fulfilling sends the note and the photos', async () => {
    const calls = answer({
      'wishes.detail': () => success(wishDetail({ status: 'claimed', claim: { ...claim, mine: true }, availableActions: ['fulfil', 'release'] })),
      'wishes.fulfil': () => success(fulfilled({ claim: { ...claim, mine: true } })),
    })
    render(<WishDetailPage />)
    await tap('我已完成')
    await typeInto('例如：已经把药送到家，交给了老人', '药已经送到家，交给了老人')
    pickedPhotos.push('done.jpg')
    await act(() => tap('添加照片（最多 3 张）'))
    await screen.findByText('再加照片（还能加 2 张）')
    await waitFor(() => expect(screen.queryByText('上传中…')).not.toBeInTheDocument())
    await tap('告诉居民已经办好')
    expect(await screen.findByText('您已经办好了，正在等居民确认。')).toBeInTheDocument()
    expect(inputsOf(calls, 'fulfil')).toEqual([
      { wishId: 'w-1', note: '药已经送到家，交给了老人', photos: ['cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-member/20250303/done.jpg'] },
    ])
  })

  test('the committee reverses a credit with a reason, and the wish is read again', async () => {
    let reads = 0
    const calls = answer({
      'wishes.detail': () => success(wishDetail({ status: 'realised', canReverseCredit: ++reads === 1 })),
      'wishes.reverseCredit': () => success({ reversed: 2 }),
    })
    render(<WishDetailPage />)
    await tap('冲销积分')
    await typeInto('例如：核实发现并没有办成', '核实发现没有办成')
    await tap('确认冲销积分')
    await waitFor(() => expect(shownOf(everyButton)).toEqual([]))
    expect(inputsOf(calls, 'reverseCredit')).toEqual([{ wishId: 'w-1', reason: '核实发现没有办成' }])
    expect(inputsOf(calls, 'detail')).toEqual([{ wishId: 'w-1' }, { wishId: 'w-1' }])
    expect(toasts).toEqual(['已冲销积分'])
  })

  test('reviewers see the marks, the household’s recent wishes and the lapses; others see none of it', async () => {
    answer({
      'wishes.detail': () =>
        success(
          wishDetail({
            marks: [{ kind: 'repeatCategory', detail: '90 天内第 2 次助老助残' }],
            householdRecent: [{ _id: 'w-0', category: 'health', status: 'realised', createdAt: at - 20 * DAY }],
            lapses: 1,
            availableActions: ['publish', 'return', 'convert'],
          }),
        ),
    })
    render(<WishDetailPage />)
    expect(await screen.findByText('90 天内同类心愿：90 天内第 2 次助老助残')).toBeInTheDocument()
    expect(screen.getByText('认领到期没办好：1 次')).toBeInTheDocument()
    await tap('2025年2月11日 · 健康 · 心愿已实现')
    expect(navigations).toEqual(['/pages-wish/detail/index?id=w-0'])
  })

  test('a wisher is shown none of the reviewers’ facts when the answer carries none', async () => {
    answer({ 'wishes.detail': () => success(wishDetail()) })
    render(<WishDetailPage />)
    await screen.findByText('经过')
    expect(screen.queryByText('核实时请留意')).toBeNull()
    expect(screen.queryByText('这户最近 90 天的其他心愿')).toBeNull()
    expect(screen.queryByText('居民的联系方式')).toBeNull()
  })

  test('photos show through the server’s URLs; one in the media check says 审核中, a failed one says so without the picture', async () => {
    const id = (name: string) => `cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-resident/20250303/${name}.jpg`
    answer({ 'wishes.detail': () => success(wishDetail({ photos: [photoView(id('a')), photoView(id('b'), { state: 'pending' }), photoView(id('c'), { state: 'hidden', url: null })] })) })
    render(<WishDetailPage />)
    await screen.findByLabelText('心愿照片第 1 张')
    expect(screen.getAllByText('审核中')).toHaveLength(1)
    expect(screen.getAllByText('图片未通过审核')).toHaveLength(1)
    expect(screen.getByLabelText('心愿照片第 3 张').querySelector('img')).toBeNull()
  })

  test('the story says who did what by role, newest first', async () => {
    answer({
      'wishes.detail': () =>
        success(
          wishDetail({
            status: 'claimed',
            claim,
            timeline: [
              { at, action: 'post', relation: 'wisher', to: 'inReview' },
              { at: at + HOUR, action: 'publish', relation: 'committee', to: 'published' },
              { at: at + 2 * HOUR, action: 'claim', relation: 'claimer', to: 'claimed' },
            ],
          }),
        ),
    })
    render(<WishDetailPage />)
    await screen.findByText('经过')
    const lines = Array.from(document.querySelectorAll('.timeline__what')).map((line) => line.textContent)
    expect(lines).toEqual(['认领党员 认领了心愿', '居委会 核实后发布', '居民 说出了心愿'])
  })
})
