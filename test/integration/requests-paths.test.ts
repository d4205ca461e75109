import { RequestDetail, type ActionInput } from '../../types'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { DAY, eventsOf, fileAs, HOUR, messagesFor, P, POINT_KANGLE_3 } from '../support/requests'
import { seedHousehold } from '../../local/seed/demo-buildings'

let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

type Acting = 'accept' | 'note' | 'reply' | 'rate' | 'withdraw' | 'refer' | 'escalate' | 'transfer' | 'recordCallback'
const act = async <A extends Acting>(openid: string, action: A, input: ActionInput<'requests', A>) =>
  RequestDetail.parse(expectOk(await cloud.call(openid, 'requests', action, input)))

/** The timeline the detail shows is exactly the append-only log in the database, seq 0, 1, 2 … with no gap. */
async function expectLogMatches(detail: RequestDetail) {
  const events = await eventsOf(detail._id)
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i))
  expect(detail.timeline.map((e) => [e.seq, e.action, e.from, e.to])).toEqual(events.map((e) => [e.seq, e.action, e.from, e.to]))
  expect(events.slice(1).every((e, i) => e.from === events[i].to)).toBe(true)
}

describe('resolved: filed, answered at once, handled, replied, rated resolved', () => {
  test('the resident is told at once who owns it and by when; the owner finishes it; the rating closes it', async () => {
    const filed = await fileAs(cloud, P.residentA)
    expect(filed).toMatchObject({
      status: 'dispatched',
      owner: { id: P.workerKangleA, name: '网格员周丽' },
      gridName: '康乐一网格',
      due: { stage: 'respond', urgency: 'onTime' },
      availableActions: ['withdraw'],
    })
    // 限时办理: a hazard is answered within 2 hours, resolved within 3 days.
    expect(filed.due!.dueAt - filed.dispatchedAt!).toBe(2 * HOUR)
    expect(filed.deadlines!.resolveBy - filed.dispatchedAt!).toBe(3 * DAY)

    const accepted = await act(P.workerKangleA, 'accept', { requestId: filed._id, note: '今天下午上门' })
    expect(accepted).toMatchObject({ status: 'accepted', respondedAt: expect.any(Number), due: { stage: 'resolve' } })
    expect(accepted.availableActions).toEqual(['note', 'transfer', 'escalate', 'refer', 'reply'])
    const site = await cloud.uploadPhoto(P.workerKangleA)
    const noted = await act(P.workerKangleA, 'note', { requestId: filed._id, note: '已到现场查看', photos: [site], visibleTo: 'resident' })
    expect(noted.status).toBe('inProgress')
    const after = await cloud.uploadPhoto(P.workerKangleA)
    const replied = await act(P.workerKangleA, 'reply', { requestId: filed._id, text: '电线已重新规整并套管', photos: [after] })
    expect(replied).toMatchObject({ status: 'replied', reply: { photos: [{ fileId: after, url: expect.any(String) }] }, due: { stage: 'rate' } })

    const mine = RequestDetail.parse(expectOk(await cloud.call(P.residentA, 'requests', 'detail', { requestId: filed._id })))
    expect(mine.availableActions).toEqual(['rate', 'reopen'])
    const closed = await act(P.residentA, 'rate', { requestId: filed._id, outcome: 'resolved', satisfaction: 'satisfied', comment: '谢谢周丽' })
    expect(closed).toMatchObject({ status: 'closed', ownerId: P.workerKangleA, rating: { outcome: 'resolved', by: P.residentA }, availableActions: [] })
    await expectLogMatches(closed)

    const told = (await messagesFor(P.residentA, filed._id)).map((m) => m.action).sort()
    // Issue 10: a note told to the resident reaches them as progress (before, notes told no one).
    expect(told).toEqual(['accept', 'dispatch', 'note', 'reply'])
    expect((await messagesFor(P.workerKangleA, filed._id)).map((m) => m.action).sort()).toEqual(['dispatch', 'rate'])
    const [dispatched] = await messagesFor(P.residentA, filed._id).then((ms) => ms.filter((m) => m.action === 'dispatch'))
    expect(dispatched.body).toContain('由网格员周丽负责')
  })
})

describe('reopened then resolved', () => {
  test('不解决 reopens it one level up with a new resolve window; the owner stays and finishes it', async () => {
    const filed = await fileAs(cloud, P.residentA, { category: 'environment', text: '楼下垃圾三天没人清' })
    await act(P.workerKangleA, 'accept', { requestId: filed._id })
    await act(P.workerKangleA, 'reply', { requestId: filed._id, text: '已清运', photos: [] })
    const reopened = await act(P.residentA, 'rate', { requestId: filed._id, outcome: 'unresolved', satisfaction: 'unsatisfied', comment: '还是很脏' })
    expect(reopened).toMatchObject({ status: 'escalated', escalation: 'community', reopenCount: 1, ownerId: P.workerKangleA, due: { stage: 'resolve' } })
    expect(reopened.deadlines!.resolveFrom).toBeGreaterThan(filed.deadlines!.resolveFrom)
    expect((await messagesFor(P.committeeKangle, filed._id)).map((m) => m.action)).toEqual(['reopen'])

    await act(P.workerKangleA, 'reply', { requestId: filed._id, text: '已联系环卫每日清运', photos: [] })
    const closed = await act(P.residentA, 'rate', { requestId: filed._id, outcome: 'resolved', satisfaction: 'basic' })
    expect(closed).toMatchObject({ status: 'closed', ownerId: P.workerKangleA, reopenCount: 1, rating: { outcome: 'resolved' } })
    expect(closed.timeline.filter((e) => e.action === 'reopen' || e.action === 'rate').map((e) => e.details?.outcome)).toEqual(['unresolved', 'resolved'])
    await expectLogMatches(closed)
  })
})

describe('withdrawn', () => {
  test('before acceptance the resident takes it back; after acceptance it is too late', async () => {
    const filed = await fileAs(cloud, P.residentA)
    const withdrawn = await act(P.residentA, 'withdraw', { requestId: filed._id, note: '已经自己解决了' })
    expect(withdrawn).toMatchObject({ status: 'withdrawn', closedAt: expect.any(Number), availableActions: [] })
    expect((await messagesFor(P.workerKangleA, filed._id)).map((m) => m.action)).toEqual(['dispatch', 'withdraw'])
    await expectLogMatches(withdrawn)

    const accepted = await fileAs(cloud, P.residentA)
    await act(P.workerKangleA, 'accept', { requestId: accepted._id })
    expect(await cloud.call(P.residentA, 'requests', 'withdraw', { requestId: accepted._id })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})

describe('referred', () => {
  test('an out-of-scope item is closed with guidance, and the resident is told where to go', async () => {
    const filed = await fileAs(cloud, P.residentA, { category: 'other', text: '和房东的租房合同纠纷已经起诉了，想问怎么办' })
    const referred = await act(filed.ownerId!, 'refer', { requestId: filed._id, scope: 'court', note: '请联系受理法院' })
    expect(referred).toMatchObject({ status: 'referred', referral: { scope: 'court' }, respondedAt: expect.any(Number), closedAt: expect.any(Number) })
    const [told] = (await messagesFor(P.residentA, filed._id)).filter((m) => m.action === 'refer')
    expect(told.body).toContain('12348')
    await expectLogMatches(referred)
  })
})

describe('escalated (吹哨报到)', () => {
  test('co-handlers join and are told, the community then the street take it up, the owner stays to the end', async () => {
    const filed = await fileAs(cloud, P.residentA, { category: 'neighbour', text: '楼上装修每天晚上十点后还在施工' })
    await act(P.workerKangleA, 'accept', { requestId: filed._id })
    const transferred = await act(P.workerKangleA, 'transfer', { requestId: filed._id, toUserId: P.elderlyKangle, note: '请社工一起调解' })
    expect(transferred.coHandlers).toEqual([{ id: P.elderlyKangle, name: '为老服务社工钱敏' }])
    const toCommunity = await act(P.workerKangleA, 'escalate', { requestId: filed._id, level: 'community', coHandlerIds: [P.propertyCuihu], note: '需要居委会协调' })
    expect(toCommunity).toMatchObject({ status: 'escalated', escalation: 'community', ownerId: P.workerKangleA })
    expect((await messagesFor(P.propertyCuihu, filed._id)).map((m) => m.action)).toEqual(['escalate'])
    expect((await messagesFor(P.committeeKangle, filed._id)).map((m) => m.action)).toEqual(['escalate'])

    // A co-handler works on it from their own inbox.
    const theirs = expectOk(await cloud.call(P.propertyCuihu, 'requests', 'inbox', { state: 'inHand' }))
    expect(theirs.items.map((i) => i._id)).toContain(filed._id)
    await act(P.propertyCuihu, 'note', { requestId: filed._id, note: '已与施工队沟通', visibleTo: 'resident' })

    const toStreet = await act(P.committeeKangle, 'escalate', { requestId: filed._id, level: 'street', coHandlerIds: [], note: '需要城管执法' })
    expect(toStreet).toMatchObject({ escalation: 'street', ownerId: P.workerKangleA })
    expect(toStreet.availableActions).not.toContain('escalate')
    expect((await messagesFor(P.streetAdmin, filed._id)).map((m) => m.action)).toEqual(['escalate'])

    // The resident sees the item passed on and brought up, not what colleagues wrote to each other.
    const seen = expectOk(await cloud.call(P.residentA, 'requests', 'detail', { requestId: filed._id }))
    expect(seen.timeline.filter((line) => ['transfer', 'escalate'].includes(line.action)).map((line) => [line.action, line.note])).toEqual([
      ['transfer', undefined], ['escalate', undefined], ['escalate', undefined],
    ])
    const residentsMessages = (await messagesFor(P.residentA, filed._id)).filter((m) => m.action === 'escalate')
    expect(residentsMessages).toHaveLength(2)
    expect(residentsMessages.map((m) => m.body).join()).not.toMatch(/需要居委会协调|需要城管执法/)
    expect((await messagesFor(P.streetAdmin, filed._id))[0].body).toContain('需要城管执法')

    await act(P.workerKangleA, 'reply', { requestId: filed._id, text: '已约定施工时间', photos: [] })
    const closed = await act(P.residentA, 'rate', { requestId: filed._id, outcome: 'partly', satisfaction: 'basic' })
    expect(closed).toMatchObject({ status: 'closed', ownerId: P.workerKangleA, coHandlerIds: [P.elderlyKangle, P.propertyCuihu] })
    await expectLogMatches(closed)
  })

  test('a co-handler the directory does not know is refused and nothing changes', async () => {
    const filed = await fileAs(cloud, P.residentA)
    await act(P.workerKangleA, 'accept', { requestId: filed._id })
    const refused = await cloud.call(P.workerKangleA, 'requests', 'transfer', { requestId: filed._id, toUserId: 'nobody-here', note: '请协助' })
    expect(refused).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect((await eventsOf(filed._id)).map((e) => e.action)).toEqual(['file', 'dispatch', 'accept'])
  })
})

describe('代办 and 主动治理', () => {
  // Issue 10 (1): the 回访 is a colleague's who did not file or handle it (it used to be the filer's own).
  test('the committee files for a resident without the app, and a colleague rates it on the 回访 call', async () => {
    const filed = RequestDetail.parse(
      expectOk(
        await cloud.call(P.committeeKangle, 'requests', 'fileOnBehalf', {
          idempotencyKey: 'behalf-0001', category: 'facility', text: '3号楼门口路灯不亮', photos: [],
          place: { householdId: seedHousehold('bldg-kl-3', '101') }, resident: { name: '王阿婆', phone: '13912340000' },
        }),
      ),
    )
    expect(filed).toMatchObject({ residentId: null, filedBy: { kind: 'onBehalf', residentName: '王阿婆' }, ownerId: P.workerKangleA })
    await act(P.workerKangleA, 'accept', { requestId: filed._id })
    await act(P.workerKangleA, 'reply', { requestId: filed._id, text: '路灯已修好', photos: [] })
    expect(await cloud.call(P.committeeKangle, 'requests', 'rate', { requestId: filed._id, outcome: 'resolved', satisfaction: 'satisfied' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const rated = await act(P.elderlyKangle, 'rate', { requestId: filed._id, outcome: 'resolved', satisfaction: 'satisfied', comment: '电话回访：满意' })
    expect(rated.status).toBe('closed')
    const called = await act(P.elderlyKangle, 'recordCallback', { requestId: filed._id, reached: true, note: '阿婆说灯很亮' })
    expect(called).toMatchObject({ status: 'closed', timeline: expect.arrayContaining([expect.objectContaining({ action: 'recordCallback', details: { reached: true } })]) })
  })

  test('a grid worker files what they found on patrol; on duty there, they own and answer it at once', async () => {
    const patrol = await cloud.uploadPhoto(P.workerKangleA)
    const found = RequestDetail.parse(
      expectOk(await cloud.call(P.workerKangleA, 'requests', 'fileProactive', { idempotencyKey: 'patrol-0001', category: 'hazard', text: '消防通道被电动车堵住', photos: [patrol], place: { point: POINT_KANGLE_3 } })),
    )
    expect(found).toMatchObject({ filedBy: { kind: 'proactive' }, residentId: null, status: 'accepted', ownerId: P.workerKangleA, respondedAt: found.createdAt })
    expect(found.timeline.map((e) => e.action)).toEqual(['file', 'dispatch', 'accept'])
    const elsewhere = await cloud.call(P.workerKangleB, 'requests', 'fileProactive', { idempotencyKey: 'patrol-0002', category: 'hazard', text: '消防通道被堵', photos: [], place: { point: POINT_KANGLE_3 } })
    expect(elsewhere).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call(P.residentA, 'requests', 'fileProactive', { idempotencyKey: 'patrol-0003', category: 'hazard', text: '消防通道被堵', photos: [], place: { point: POINT_KANGLE_3 } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
