import { render, screen, waitFor } from '@testing-library/react'
import { RatingForm } from '@/features/requests/rating-form'
import RequestPage from '@/pages/request/index'
import { success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { errorBeside, fieldErrors, tap, typeInto } from './support/fields'
import { requestDetail } from './support/request-fixtures'
import { routerParams } from './support/taro.mock'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const replied = requestDetail({
  status: 'replied',
  reply: { text: '电梯已修好', photos: [], at: Date.UTC(2025, 2, 4), by: 'staff-zhou' },
  due: { stage: 'rate', dueAt: Date.UTC(2025, 2, 11), urgency: 'onTime' },
  availableActions: ['rate', 'reopen'],
})

describe('rating a reply (回访考评)', () => {
  test('“not resolved” goes out as a rating, and the page shows the request reopened as the server says', async () => {
    routerParams.id = 'rq-1'
    const calls = answer({
      'requests.detail': () => success(replied),
      'requests.rate': () => success(requestDetail({ status: 'escalated', escalation: 'community', reopenCount: 1, availableActions: [] })),
    })
    render(<RequestPage />)
    expect(await screen.findByText('电梯已修好')).toBeInTheDocument()
    await tap('没有解决')
    expect(screen.getByText('选“没有解决”，这件事会重新办理。')).toBeInTheDocument()
    await tap('不满意')
    await typeInto('比如哪里还没弄好', ' 电梯又停了 ')
    await tap('提交评价')
    expect(await screen.findByText('物业服务 · 已上报，协同办理')).toBeInTheDocument()
    expect(screen.queryByText('请评价这次办理')).not.toBeInTheDocument()
    expect(inputsOf(calls, 'rate')).toEqual([{ requestId: 'rq-1', outcome: 'unresolved', satisfaction: 'unsatisfied', comment: '电梯又停了' }])
  })

  test('both answers are needed before anything is sent; the comment may be left out', async () => {
    const done = jest.fn()
    const calls = answer({ 'requests.rate': () => success(requestDetail({ status: 'closed' })) })
    render(<RatingForm requestId="rq-1" actions={['rate', 'reopen']} onDone={done} />)
    await tap('提交评价')
    await waitFor(() => expect(errorBeside('事情解决了吗')).toBe('请选一下事情解决了没有。'))
    expect(errorBeside('您满意吗')).toBe('请选一下您满不满意。')
    await tap('解决了')
    await waitFor(() => expect(errorBeside('事情解决了吗')).toBeNull())
    expect(errorBeside('您满意吗')).toBe('请选一下您满不满意。')
    await tap('基本满意')
    await waitFor(() => expect(fieldErrors()).toEqual([]))
    expect(inputsOf(calls, 'rate')).toEqual([])
    await tap('提交评价')
    await screen.findByText('提交评价')
    expect(inputsOf(calls, 'rate')).toEqual([{ requestId: 'rq-1', outcome: 'resolved', satisfaction: 'basic' }])
    expect(done).toHaveBeenCalledWith(requestDetail({ status: 'closed' }))
  })

  test('when the server offers no reopening, “not resolved” is not on offer', async () => {
    answer({})
    render(<RatingForm requestId="rq-1" actions={['rate']} onDone={jest.fn()} />)
    expect(screen.getByText('部分解决')).toBeInTheDocument()
    expect(screen.queryByText('没有解决')).not.toBeInTheDocument()
  })
})
