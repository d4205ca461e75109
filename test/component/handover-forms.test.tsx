import { render, waitFor } from '@testing-library/react'
import { EscalateForm, TransferForm } from '@/pages-staff/components/action-forms/handover-forms'
import { success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { errorBeside, fieldErrors, tap, typeInto } from './support/fields'
import { requestDetail } from './support/request-fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const colleagues = [
  { id: 'demo-property-kl', name: '物业刘经理', post: 'propertyContact', sameCommunity: true },
  { id: 'demo-worker-b', name: '网格员吴强', post: 'gridWorker', sameCommunity: true },
  { id: 'demo-worker-cuihu', name: '网格员孙婷', post: 'gridWorker', sameCommunity: false },
] as const

describe('asking colleagues for help', () => {
  test('协办: the handler picks a colleague by name, never types an account id', async () => {
    const request = requestDetail()
    const calls = answer({
      'directory.listColleagues': () => success([...colleagues]),
      'requests.transfer': () => success(requestDetail()),
    })
    const done = jest.fn()
    render(<TransferForm request={request} onDone={done} />)
    await tap('请同事协办')
    // Both missing, both said at once, each beside its own field.
    await waitFor(() => expect(errorBeside('请哪位同事协办（您仍是负责人）')).toBe('请选一位同事。'))
    expect(errorBeside('请同事帮什么忙')).toBe('请写一下请同事帮什么忙。')
    await tap('物业刘经理（物业）')
    await waitFor(() => expect(errorBeside('请哪位同事协办（您仍是负责人）')).toBeNull())
    expect(fieldErrors()).toEqual(['请写一下请同事帮什么忙。'])
    await tap('网格员吴强（网格员）')
    await typeInto('例如：请物业派人修电梯', '请修电梯')
    await tap('请同事协办')
    await waitFor(() => expect(done).toHaveBeenCalledTimes(1))
    expect(inputsOf(calls, 'listColleagues')).toEqual([{ communityId: request.route.communityId }])
    expect(inputsOf(calls, 'transfer')).toEqual([{ requestId: request._id, toUserId: 'demo-worker-b', note: '请修电梯' }])
  })

  test('吹哨: several colleagues may join, those of other communities marked as such', async () => {
    const request = requestDetail()
    const calls = answer({
      'directory.listColleagues': () => success([...colleagues]),
      'requests.escalate': () => success(requestDetail()),
    })
    const done = jest.fn()
    render(<EscalateForm request={request} onDone={done} />)
    await tap('社区（居委会）')
    await tap('物业刘经理（物业）')
    await tap('网格员孙婷（网格员，外社区）')
    await typeInto('例如：涉及两个小区，需要街道协调', '涉及两个小区')
    await tap('吹哨上报')
    await waitFor(() => expect(done).toHaveBeenCalledTimes(1))
    expect(inputsOf(calls, 'escalate')).toEqual([
      { requestId: request._id, level: 'community', coHandlerIds: ['demo-property-kl', 'demo-worker-cuihu'], note: '涉及两个小区' },
    ])
  })
})
