import { confirmState, rateState, settled, todoItemOf } from '../../cloudfunctions/shared/core/message/message-todo'

describe("a message's call to action (issue 9: it disappears once done)", () => {
  test('only the resident\'s 请评价 and 请您确认 messages ask anything', () => {
    expect(todoItemOf({ audience: 'resident', action: 'reply', requestId: 'rq-1' })).toEqual({ act: 'rate', requestId: 'rq-1' })
    expect(todoItemOf({ audience: 'resident', action: 'fulfil', wishId: 'w-1' })).toEqual({ act: 'confirm', wishId: 'w-1' })
    expect(todoItemOf({ audience: 'staff', action: 'reply', requestId: 'rq-1' })).toBeNull()
    expect(todoItemOf({ audience: 'resident', action: 'accept', requestId: 'rq-1' })).toBeNull()
    expect(todoItemOf({ audience: 'resident', action: 'bindingDecided' })).toBeNull()
  })

  test.each([
    ['replied', null, 'waiting'],
    ['closed', { outcome: 'resolved' }, 'done'],
    // Rated 未解决: the rating is given, the request is handled again.
    ['inProgress', { outcome: 'unresolved' }, 'done'],
    ['closedUnrated', null, 'moot'],
    ['withdrawn', null, 'moot'],
  ] as const)('rating a request that is %s (rating %j) is %s', (status, rating, state) => {
    expect(rateState({ status, rating })).toBe(state)
  })

  test.each([
    ['fulfilled', null, 'waiting'],
    ['realised', { via: 'wisher' }, 'done'],
    ['realised', { via: 'visit' }, 'moot'],
    ['published', null, 'moot'],
  ] as const)('confirming a wish that is %s (%j) is %s', (status, confirmation, state) => {
    expect(confirmState({ status, confirmation })).toBe(state)
  })
})

test('a settled message drops the ask from its title and body; other words stay as they were', () => {
  expect(settled({ title: '诉求已答复，请评价', body: '座椅已更换。请在7天内评价' }, 'rate')).toEqual({ title: '诉求已答复', body: '座椅已更换' })
  expect(settled({ title: '心愿已完成，请您确认', body: '帮老人买好了药' }, 'confirm')).toEqual({ title: '心愿已完成', body: '帮老人买好了药' })
  expect(settled({ title: '诉求已接单', body: '请在7天内评价一下' }, 'rate')).toEqual({ title: '诉求已接单', body: '请在7天内评价一下' })
})
