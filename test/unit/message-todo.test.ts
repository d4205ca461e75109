import { confirmState, rateState, reviewState, settled, settledReview, todoItemOf } from '../../cloudfunctions/shared/core/message/message-todo'

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

describe('staff 待审核 messages keep a done state too (去审核 → 已处理 once decided, by anyone)', () => {
  test('each kind of decision names its item: the application by the message id, the rest by their field', () => {
    const staff = { audience: 'staff' } as const
    expect(todoItemOf({ ...staff, _id: 'bind-42>demo-committee-kangle', action: 'bindingWaiting' })).toEqual({ act: 'review', subject: 'binding', id: 'bind-42' })
    expect(todoItemOf({ ...staff, _id: 'reg-7>demo-branch-secretary', action: 'registrationWaiting' })).toEqual({ act: 'review', subject: 'registration', id: 'reg-7' })
    expect(todoItemOf({ ...staff, _id: 'assisted-1>demo-committee-kangle', action: 'assistedWaiting' })).toEqual({ act: 'review', subject: 'assisted', id: 'assisted-1' })
    expect(todoItemOf({ ...staff, _id: 'rq-1#1>u', action: 'flag', requestId: 'rq-1' })).toEqual({ act: 'review', subject: 'request', id: 'rq-1' })
    expect(todoItemOf({ ...staff, _id: 'w-1#0>u', action: 'post', wishId: 'w-1' })).toEqual({ act: 'review', subject: 'wish', id: 'w-1' })
    expect(todoItemOf({ ...staff, _id: 'p-1#2>u', action: 'reachThreshold', proposalId: 'p-1' })).toEqual({ act: 'review', subject: 'proposal', id: 'p-1' })
    // The resident's side of the same events asks nothing of them; a staff notice that only tells, neither.
    expect(todoItemOf({ audience: 'resident', _id: 'rq-1#1>r', action: 'flag', requestId: 'rq-1' })).toBeNull()
    expect(todoItemOf({ ...staff, _id: 'rq-1#2>u', action: 'dispatch', requestId: 'rq-1' })).toBeNull()
    expect(todoItemOf({ ...staff, action: 'bindingWaiting' })).toBeNull()
  })

  test.each([
    [{ subject: 'binding', status: 'pending' }, 'waiting'],
    [{ subject: 'binding', status: 'approved' }, 'done'],
    [{ subject: 'registration', status: 'refused' }, 'done'],
    [{ subject: 'assisted', status: 'pending' }, 'waiting'],
    [{ subject: 'assisted', status: 'conflict' }, 'done'],
    [{ subject: 'request', status: 'inReview' }, 'waiting'],
    // Released: routed and dispatched at once.
    [{ subject: 'request', status: 'dispatched' }, 'done'],
    [{ subject: 'request', status: 'rejected' }, 'done'],
    [{ subject: 'request', status: 'withdrawn' }, 'moot'],
    [{ subject: 'wish', status: 'inReview' }, 'waiting'],
    [{ subject: 'wish', status: 'published' }, 'done'],
    [{ subject: 'wish', status: 'converted' }, 'done'],
    [{ subject: 'wish', status: 'withdrawn' }, 'moot'],
    [{ subject: 'proposal', status: 'awaitingDecision' }, 'waiting'],
    [{ subject: 'proposal', status: 'declined' }, 'done'],
    [{ subject: 'proposal', status: 'withdrawn' }, 'moot'],
  ] as const)('%j is %s', (facts, state) => {
    expect(reviewState(facts)).toBe(state)
  })

  test('decided, a notice no longer asks: 有居民申请绑定住户，待审核 reads 居民申请绑定住户 beside 已处理, its body unchanged', () => {
    const body = '康乐社区：林小雨 申请绑定住户'
    expect(settledReview({ action: 'bindingWaiting', title: '有居民申请绑定住户，待审核', body })).toEqual({ title: '居民申请绑定住户', body })
    expect(settledReview({ action: 'reachThreshold', title: '居民提议联署已够，请决定', body })).toEqual({ title: '居民提议联署已够', body })
    expect(settledReview({ action: 'accept', title: '诉求已接单', body })).toEqual({ title: '诉求已接单', body })
  })
})
