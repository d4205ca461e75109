import { render, screen, waitFor } from '@testing-library/react'
import { NoteForm } from '@/pages-staff/components/action-forms/simple-forms'
import { Timeline } from '@/features/requests/timeline'
import { success } from '@/types'
import { answer, inputsOf } from './support/fake-call'
import { errorBeside, fieldErrors, tap, typeInto } from './support/fields'
import { requestDetail } from './support/request-fixtures'

jest.mock('@/services/call', () => ({ call: jest.fn() }))

const STAFF_ONLY = '仅工作人员可见（居民看不到）'
const TELL = '告诉居民（居民会收到消息）'

describe('a progress note says each time who it is for (issue 10)', () => {
  test('no choice, no note: the form asks beside the choice and sends nothing', async () => {
    const calls = answer({ 'requests.note': () => success(requestDetail()) })
    render(<NoteForm request={requestDetail()} onDone={jest.fn()} />)
    await typeInto('例如：已联系物业，明天来修', '已联系物业')
    await tap('记下来')
    await waitFor(() => expect(errorBeside('这条记录给谁看')).toBe('请选一下这条记录给谁看。'))
    expect(fieldErrors()).toEqual(['请选一下这条记录给谁看。'])
    expect(inputsOf(calls, 'note')).toEqual([])
    await tap(TELL)
    await waitFor(() => expect(fieldErrors()).toEqual([]))
  })

  test.each([
    [STAFF_ONLY, '记为内部备注', 'staff'],
    [TELL, '告诉居民', 'resident'],
  ])('choosing %s, the button says %s and the note goes as %s', async (choice, button, visibleTo) => {
    const request = requestDetail({ status: 'accepted' })
    const calls = answer({ 'requests.note': () => success(requestDetail()) })
    const done = jest.fn()
    render(<NoteForm request={request} onDone={done} />)
    await tap(choice)
    await typeInto('例如：已联系物业，明天来修', '电工明天上午来')
    await tap(button)
    await waitFor(() => expect(done).toHaveBeenCalledTimes(1))
    expect(inputsOf(calls, 'note')).toEqual([{ requestId: request._id, note: '电工明天上午来', visibleTo }])
  })

  test('the staff timeline marks an internal note in words; a told one is not marked', () => {
    const at = Date.UTC(2026, 2, 3, 2)
    const line = { at, actorId: 'staff-zhou', actorName: '网格员周丽', relation: 'owner', action: 'note', from: 'inProgress', to: 'inProgress' } as const
    render(<Timeline entries={[{ ...line, seq: 3, note: '先别提赔偿', visibleTo: 'staff' }, { ...line, seq: 2, note: '明天上午来修', visibleTo: 'resident' }]} />)
    expect(screen.getAllByText('内部备注 · 居民看不到')).toHaveLength(1)
    const marked = screen.getByText('先别提赔偿').closest('.timeline__item')
    expect(marked?.className).toContain('timeline__item--internal')
    expect(screen.getByText('明天上午来修').closest('.timeline__item')?.className).not.toContain('timeline__item--internal')
  })
})
