import { act, render, screen, waitFor } from '@testing-library/react'
import RequestPage from '@/pages/request/index'
import StaffRequestPage from '@/pages-staff/request/index'
import { errorText } from '@/services/error-text'
import { failure, success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { errorBeside, tap, typeInto } from './support/fields'
import { photoView, requestDetail } from './support/request-fixtures'
import { navigations, pickedPhotos, routerParams, toasts } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))
jest.mock('@/services/upload-photo', () => ({
  uploadPhoto: jest.fn(async (path: string) => `cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-resident/20250303/${path}`),
}))

const residentButtons = ['请评价这次办理', '我也遇到了（+1）', '撤回这件事…', '到工作台办理']
const staffButtons = ['审核通过', '审核不通过', '接单', '答复办理结果', '记录办理进展', '请同事协办', '吹哨上报', '转介（不归社区管）', '记录电话回访', '代居民评价（回访时）']
const shownOf = (texts: string[]) => texts.filter((text) => screen.queryByText(text) !== null)

describe('a request’s detail shows the actions the server offers, and only those', () => {
  beforeEach(() => {
    routerParams.id = 'rq-1'
  })

  test('a link without a request id says it was not found instead of loading forever', async () => {
    delete routerParams.id
    const calls = answer({})
    render(<RequestPage />)
    expect(await screen.findByRole('alert')).toHaveTextContent(errorText.NOT_FOUND)
    expect(screen.queryByText(/正在加载/)).toBeNull()
    expect(calls.filter((call) => call.fn === 'requests')).toEqual([])
  })

  test('相关议题: the 每月一题 topics this request led to, with their status and follow-through in words, each opening its page — on the resident’s page and the staff’s', async () => {
    const linkedTopics = [
      { topicId: 'tp-1', title: '在3号楼旁边建电动自行车充电棚', status: 'following' as const, followStage: 'inProgress' as const },
      { topicId: 'tp-2', title: '康乐一网格的路灯问题怎么解决', status: 'voting' as const, followStage: null },
    ]
    answer({ 'requests.detail': () => success(requestDetail({ linkedTopics })) })
    const { unmount } = render(<RequestPage />)
    expect(await screen.findByText('相关议题')).toBeInTheDocument()
    expect(screen.getByText('正在落实 · 落实：正在办')).toBeInTheDocument()
    expect(screen.getByText('正在投票')).toBeInTheDocument()
    await tap('在3号楼旁边建电动自行车充电棚')
    await tap('康乐一网格的路灯问题怎么解决')
    expect(navigations).toEqual(['/pages-council/topic/index?id=tp-1', '/pages-council/topic/index?id=tp-2'])
    unmount()

    navigations.length = 0
    answer({ 'requests.detail': () => success(requestDetail({ linkedTopics: [linkedTopics[0]] })), 'requests.listColleagues': () => success([]) })
    render(<StaffRequestPage />)
    await tap('在3号楼旁边建电动自行车充电棚')
    expect(navigations).toEqual(['/pages-council/topic/index?id=tp-1'])
  })

  test('a request that led to no topic shows no 相关议题', async () => {
    answer({ 'requests.detail': () => success(requestDetail()) })
    render(<RequestPage />)
    await screen.findByText('3号楼电梯停了两天')
    expect(screen.queryByText('相关议题')).toBeNull()
  })

  test('a request turned out of a 微心愿 names it, one tap back to the wish', async () => {
    answer({ 'requests.detail': () => success(requestDetail({ filedBy: { kind: 'fromWish', staffId: 'staff-li', wishId: 'w-9' } })) })
    render(<RequestPage />)
    await tap('微心愿（点这里看）')
    expect(navigations).toEqual(['/pages-wish/detail/index?id=w-9'])
  })

  test('a resident before acceptance may withdraw, and nothing else', async () => {
    const calls = answer({ 'requests.detail': () => success(requestDetail({ availableActions: ['withdraw'] })) })
    render(<RequestPage />)
    expect(await screen.findByText('物业服务 · 等待接单')).toBeInTheDocument()
    expect(shownOf(residentButtons)).toEqual(['撤回这件事…'])
    expect(inputsOf(calls, 'detail')).toEqual([{ requestId: 'rq-1' }])
  })

  test('withdrawing sends the reason and shows the request as the server answers it', async () => {
    const calls = answer({
      'requests.detail': () => success(requestDetail({ availableActions: ['withdraw'] })),
      'requests.withdraw': () => success(requestDetail({ status: 'withdrawn', due: null, availableActions: [] })),
    })
    render(<RequestPage />)
    await tap('撤回这件事…')
    await typeInto('比如问题已经自己解决了', '邻居帮忙修好了')
    await tap('确认撤回')
    expect(await screen.findByText('物业服务 · 已撤回')).toBeInTheDocument()
    expect(shownOf(residentButtons)).toEqual([])
    expect(inputsOf(calls, 'withdraw')).toEqual([{ requestId: 'rq-1', note: '邻居帮忙修好了' }])
  })

  test('a withdrawal reason refused by the content check is marked beside its box, and goes once it is changed', async () => {
    answer({
      'requests.detail': () => success(requestDetail({ availableActions: ['withdraw'] })),
      'requests.withdraw': () => failure('CONTENT_BLOCKED', '撤回原因里有不宜发布的内容，请修改后再提交', ['note']),
    })
    render(<RequestPage />)
    await tap('撤回这件事…')
    await typeInto('比如问题已经自己解决了', '不宜的话')
    await tap('确认撤回')
    await waitFor(() => expect(errorBeside('撤回的原因（可不填）')).toBe(errorText.CONTENT_BLOCKED))
    await typeInto('比如问题已经自己解决了', '邻居帮忙修好了')
    expect(errorBeside('撤回的原因（可不填）')).toBeNull()
  })

  test('photos show through the URLs the server made; one in the media check says 审核中, a failed one says so', async () => {
    const id = (name: string) => `cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-resident/20250303/${name}.jpg`
    answer({
      'requests.detail': () =>
        success(
          requestDetail({
            photos: [photoView(id('a')), photoView(id('b'), { state: 'pending' }), photoView(id('c'), { state: 'hidden', url: null })],
          }),
        ),
    })
    render(<RequestPage />)
    const shown = await screen.findByLabelText('诉求照片第 1 张')
    expect(shown.getAttribute('src') ?? shown.querySelector('img')?.getAttribute('src')).toBe(photoView(id('a')).url)
    expect(screen.getAllByText('审核中')).toHaveLength(1)
    expect(screen.getAllByText('图片未通过审核')).toHaveLength(1)
    // The hidden one has no picture to show, only the frame that says why.
    const withheld = screen.getByLabelText('诉求照片第 3 张')
    expect(withheld.getAttribute('src')).toBeNull()
    expect(withheld.querySelector('img')).toBeNull()
  })

  test('with no action offered there are no buttons, only the story', async () => {
    answer({ 'requests.detail': () => success(requestDetail({ status: 'closed', due: null })) })
    render(<RequestPage />)
    expect(await screen.findByText('办理经过')).toBeInTheDocument()
    expect(screen.getByText('王秀英 提交了诉求')).toBeInTheDocument()
    expect(screen.getByText('系统 派给了负责人')).toBeInTheDocument()
    expect(shownOf(residentButtons)).toEqual([])
  })

  test('someone who is also staff is sent to the workbench for the staff actions', async () => {
    answer({ 'requests.detail': () => success(requestDetail({ availableActions: ['accept', 'refer'] })) })
    render(<RequestPage />)
    await tap('到工作台办理')
    expect(navigations).toEqual(['/pages-staff/request/index?id=rq-1'])
    expect(shownOf(['接单', '转介（不归社区管）'])).toEqual([])
  })

  test('a handler sees exactly the server’s actions, and accepting shows the new state', async () => {
    const calls = answer({
      'requests.detail': () => success(requestDetail({ availableActions: ['accept', 'refer', 'follow'] })),
      'requests.accept': () => success(requestDetail({ status: 'accepted', availableActions: ['note', 'reply'] })),
    })
    render(<StaffRequestPage />)
    await screen.findByText('现在可以做')
    expect(shownOf(staffButtons)).toEqual(['接单', '转介（不归社区管）'])
    await tap('接单')
    await typeInto('例如：今天下午上门查看', '下午去看')
    await tap('确认接单')
    expect(await screen.findByText('物业服务 · 已接单')).toBeInTheDocument()
    expect(shownOf(staffButtons)).toEqual(['答复办理结果', '记录办理进展'])
    expect(inputsOf(calls, 'accept')).toEqual([{ requestId: 'rq-1', note: '下午去看' }])
    expect(toasts).toEqual(['已办好'])
  })

  test('a reply carries the result and its photos', async () => {
    const calls = answer({
      'requests.detail': () => success(requestDetail({ status: 'inProgress', availableActions: ['reply', 'note'] })),
      // Issue 10 (1): whoever replied does not take the 回访, so the server offers the owner nothing more.
      'requests.reply': () => success(requestDetail({ status: 'replied', reply: { text: '电梯已修好', photos: [], at: 0, by: 'openid-worker' }, availableActions: [] })),
    })
    render(<StaffRequestPage />)
    await tap('答复办理结果')
    await typeInto('做了什么，现在怎么样了', '电梯已修好')
    pickedPhotos.push('after.jpg')
    // The picker and the upload answer after the tap: act lets both settle before looking.
    await act(() => tap('添加照片（最多 9 张）'))
    await screen.findByText('再加照片（还能加 8 张）')
    await waitFor(() => expect(screen.queryByText('上传中…')).not.toBeInTheDocument())
    await tap('答复居民')
    await waitFor(() => expect(inputsOf(calls, 'reply')).toEqual([{ requestId: 'rq-1', text: '电梯已修好', photos: ['cloud://jucun-test.6a75-jucun-test-1300000000/requests/openid-resident/20250303/after.jpg'] }]))
    expect(await screen.findByText('这件事已经答复了。电话回访和代居民评价，由社区里没有经手这件事的同事来做。')).toBeInTheDocument()
    expect(shownOf(staffButtons)).toEqual([])
  })

  test('a colleague who did not handle it is offered the 回访 on an answered request', async () => {
    answer({
      'requests.detail': () => success(requestDetail({ status: 'replied', reply: { text: '电梯已修好', photos: [], at: 0, by: 'openid-worker' }, availableActions: ['recordCallback'] })),
      'requests.listColleagues': () => success([]),
    })
    render(<StaffRequestPage />)
    await screen.findByText('现在可以做')
    expect(shownOf(staffButtons)).toEqual(['记录电话回访'])
  })
})
