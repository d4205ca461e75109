import { RequestDetail, type Result } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { invocationContext } from '../../local/host/invocation-context'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { DAY, documents, eventsOf, fileAs, HOUR, messagesFor, P } from '../support/requests'

/**
 * The deadlines timer, driven by hand with the functions' clock moved forward: CloudBase runs it every
 * 10 minutes; here a run happens exactly when the story needs one.
 */
let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

type Report = { due: number; remind: number; supervise: number; autoClose: number; conflicts: number; idle: number; failed: number }
const tick = async () => expectOk((await cloud.runTimer()) as Result<Report>)
const actions = async (id: string) => (await eventsOf(id)).map((e) => (e.action === 'remind' || e.action === 'supervise' ? `${e.action}:${e.details?.stage}` : e.action))
const detail = async (openid: string, id: string) => RequestDetail.parse(expectOk(await cloud.call(openid, 'requests', 'detail', { requestId: id })))

test('催办 the owner before the answer is due, 督办 to the committee once overdue, each once', async () => {
  const start = cloud.clock.now()
  const hazard = await fileAs(cloud, P.residentA, { text: '外墙瓷砖松动，随时会掉' })
  expect(await tick()).toMatchObject({ remind: 0, supervise: 0 })

  // A hazard is answered within 2 hours; 催办 comes at three quarters of the window.
  cloud.clock.advance(1.6 * HOUR)
  expect(await tick()).toMatchObject({ remind: 1, supervise: 0, failed: 0 })
  expect(await tick()).toMatchObject({ due: 0, remind: 0 })
  expect(await actions(hazard._id)).toEqual(['file', 'dispatch', 'remind:respond'])
  expect((await messagesFor(P.workerKangleA, hazard._id)).map((m) => m.title)).toContain('催办：诉求即将超时')
  expect((await detail(P.workerKangleA, hazard._id)).due).toMatchObject({ stage: 'respond', urgency: 'dueSoon' })

  cloud.clock.advance(0.5 * HOUR)
  expect(await tick()).toMatchObject({ supervise: 1, failed: 0 })
  expect(await tick()).toMatchObject({ due: 0 })
  expect(await actions(hazard._id)).toEqual(['file', 'dispatch', 'remind:respond', 'supervise:respond'])
  expect((await messagesFor(P.committeeKangle, hazard._id)).map((m) => m.action)).toEqual(['supervise'])
  expect((await messagesFor(P.workerKangleA, hazard._id)).map((m) => m.action).sort()).toEqual(['dispatch', 'remind', 'supervise'])

  const board = expectOk(await cloud.call(P.committeeKangle, 'requests', 'dashboard', { scope: { communityId: 'comm-kangle' }, period: { from: start - DAY, to: cloud.clock.now() + DAY } }))
  expect(board.overdue).toEqual([expect.objectContaining({ requestId: hazard._id, stage: 'respond', ownerId: P.workerKangleA })])
  const overdueInbox = expectOk(await cloud.call(P.workerKangleA, 'requests', 'inbox', { urgency: 'overdue' }))
  expect(overdueInbox.items.map((i) => i._id)).toEqual([hazard._id])

  // Answered late: the resolve clock runs; gone overdue between two runs, it goes straight to 督办.
  expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: hazard._id }))
  cloud.clock.advance(3 * DAY)
  expect(await tick()).toMatchObject({ remind: 0, supervise: 1 })
  expect(await actions(hazard._id)).toEqual(['file', 'dispatch', 'remind:respond', 'supervise:respond', 'accept', 'supervise:resolve'])
})

test('a reply left unrated for 7 days closes as not rated, counted apart from rated ones', async () => {
  const start = cloud.clock.now()
  const filed = await fileAs(cloud, P.residentA, { category: 'facility', text: '3号楼门口座椅坏了' })
  expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId: filed._id }))
  expectOk(await cloud.call(P.workerKangleA, 'requests', 'reply', { requestId: filed._id, text: '座椅已更换', photos: [] }))

  cloud.clock.advance(7 * DAY - HOUR)
  await tick()
  expect((await detail(P.residentA, filed._id)).status).toBe('replied')

  cloud.clock.advance(HOUR)
  expect(await tick()).toMatchObject({ autoClose: 1 })
  const closed = await detail(P.residentA, filed._id)
  expect(closed).toMatchObject({ status: 'closedUnrated', rating: null, availableActions: [] })
  expect((await actions(filed._id)).slice(-2)).toEqual(['reply', 'autoClose'])
  expect(await cloud.call(P.residentA, 'requests', 'rate', { requestId: filed._id, outcome: 'resolved', satisfaction: 'satisfied' })).toMatchObject({ ok: false, code: 'CONFLICT' })

  const board = expectOk(await cloud.call(P.workerKangleA, 'requests', 'dashboard', { scope: { gridId: 'grid-kangle-1' }, period: { from: start, to: cloud.clock.now() + 1 } }))
  expect(board.byGrid).toEqual([expect.objectContaining({ gridId: 'grid-kangle-1', gridName: '康乐一网格', rates: expect.objectContaining({ closedUnrated: 1, rated: 0, resolutionRate: null }) })])
})

test('nothing left due: closed items drop out of the timer index', async () => {
  cloud.clock.advance(30 * DAY)
  await tick()
  await tick()
  expect(await tick()).toMatchObject({ due: 0 })
  const pending = await documents<{ status: string; timerDueAt: number | null }>(Collections.requests, {})
  for (const r of pending) if (['closed', 'closedUnrated', 'withdrawn', 'referred', 'rejected'].includes(r.status)) expect(r.timerDueAt).toBeNull()
})

describe('the timer runs on its trigger only', () => {
  const timerEvent = { Type: 'Timer', TriggerName: 'deadlines', Time: '2026-12-03T08:00:00Z', Message: '' }
  const withEnvironment = (environment: Record<string, string>) => ({
    ...invocationContext('requests-timer', null),
    environment: JSON.stringify({ TCB_CONTEXT_KEYS: '', ...environment }),
  })
  // Each way a deployed function can be reached besides its trigger (CloudBase: 小程序调用, HTTP 访问服务,
  // Web 匿名登录, 云函数互调), some of them dressed up with a timer-shaped event.
  const strangers: Array<[string, unknown, unknown]> = [
    ['a WeChat user from the mini-program', {}, invocationContext('requests-timer', P.residentA)],
    ['a WeChat user sending a timer-shaped event', timerEvent, invocationContext('requests-timer', P.residentA)],
    ['HTTP access with a timer-shaped body', timerEvent, withEnvironment({ TCB_SOURCE: 'http' })],
    ['an anonymous web sign-in', timerEvent, withEnvironment({ TCB_SOURCE: 'web', TCB_UUID: 'anon-1', LOGINTYPE: 'ANONYMOUS' })],
    ['another cloud function', timerEvent, withEnvironment({ TCB_SOURCE: 'scf' })],
    ['a timer source with the wrong event', { action: 'tick' }, withEnvironment({ TRIGGER_SRC: 'timer' })],
    ['a timer source that names a WeChat user', timerEvent, withEnvironment({ TRIGGER_SRC: 'timer', WX_OPENID: P.residentA })],
    ['no context at all', timerEvent, undefined],
  ]

  test.each(strangers)('%s is refused and nothing runs', async (_who, event, context) => {
    const hazard = await fileAs(cloud, P.residentA, { text: '楼道灯不亮，晚上看不见台阶' })
    cloud.clock.advance(1.6 * HOUR)
    const before = await actions(hazard._id)
    const answer = await cloud.timerMains['requests-timer'](event, context)
    expect(answer).toEqual({ ok: false, code: 'FORBIDDEN', message: 'requests-timer runs only from its timer trigger' })
    expect(await actions(hazard._id)).toEqual(before)
    // The trigger itself still finds the 催办 that the refused call did not send.
    expect(await tick()).toMatchObject({ remind: 1 })
  })
})
