import type { Message } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { documents, fileAs, HOUSEHOLD_B, messagesFor, P } from '../support/requests'
import { seedHousehold } from '../../local/seed/demo-buildings'

/**
 * Subscribe messages as a quota: each accepted one-time subscription allows one message of its template
 * (订阅消息). The local WeChat keeps its own ledger of accepted taps and answers 43101 when one is spent
 * that was never accepted, as WeChat does; the functions keep their own count and spend it atomically.
 */
let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

const remaining = async (openid: string) =>
  Object.fromEntries(expectOk(await cloud.call(openid, 'directory', 'mySubscriptions', {})).map((view) => [view.kind, view.remaining]))
const myMessages = async (openid: string) => expectOk(await cloud.call(openid, 'requests', 'myMessages', { limit: 50 })).items

test('with no subscription the notice still lands on the 消息 page, and nothing is pushed', async () => {
  const filed = await fileAs(cloud, P.residentB, { category: 'property', text: '电梯按钮失灵', place: { householdId: HOUSEHOLD_B } })
  const [told] = await messagesFor(P.residentB, filed._id)
  expect(told).toMatchObject({ kind: 'accepted', title: '诉求已受理', delivery: 'noQuota' })
  expect((await myMessages(P.residentB)).map((m) => m._id)).toContain(told._id)
  expect(cloud.sentTo(P.residentB)).toEqual([])
})

test('one accepted tap sends exactly one message of that template; the next notice of its kind waits on the 消息 page', async () => {
  await cloud.subscribe(P.residentA, ['accepted', 'replied'])
  expect(await remaining(P.residentA)).toEqual({ accepted: 1, progress: 0, replied: 1 })

  const first = await fileAs(cloud, P.residentA, { text: '楼道灯坏了，晚上看不见' })
  const second = await fileAs(cloud, P.residentA, { text: '三楼的窗户玻璃裂了' })
  expect((await messagesFor(P.residentA, first._id))[0].delivery).toBe('sent')
  expect((await messagesFor(P.residentA, second._id))[0].delivery).toBe('noQuota')

  const sent = cloud.sentTo(P.residentA)
  expect(sent).toHaveLength(1)
  expect(sent[0]).toMatchObject({
    templateId: 'local-accepted',
    page: `pages/request/index?id=${encodeURIComponent(first._id)}`,
    data: { thing1: '诉求已受理', time3: expect.stringMatching(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/) },
  })
  // What the local CloudBase shows of WeChat's side: the same message, in its admin view.
  const view = (await (await fetch(cloud.db.url.replace(/\/admin$/, '/__wechat/outbox'))).json()) as Array<{ touser: string; templateId: string }>
  expect(view.filter((m) => m.touser === P.residentA)).toEqual([expect.objectContaining({ templateId: 'local-accepted' })])
  // 办结待评价 is its own template: its grant is still there for the reply.
  expect(await remaining(P.residentA)).toEqual({ accepted: 0, progress: 0, replied: 1 })
})

test('20 notices at once against 5 subscriptions send exactly 5, and every one is on the 消息 page', async () => {
  await cloud.subscribe(P.workerKangleA, ['newWork'], 5)
  expect((await remaining(P.workerKangleA)).newWork).toBe(5)
  const alreadySent = cloud.sentTo(P.workerKangleA).length

  const filed = await Promise.all(Array.from({ length: 20 }, (_, i) => fileAs(cloud, P.residentA, { text: `楼道里堆了杂物，第${i + 1}处` })))
  expect(new Set(filed.map((r) => r.owner?.id))).toEqual(new Set([P.workerKangleA]))

  const ids = new Set(filed.map((r) => r._id))
  const notices = (await documents<Message>(Collections.messages, { recipientId: P.workerKangleA, kind: 'newWork' })).filter((m) => ids.has(m.requestId!))
  expect(notices).toHaveLength(20)
  expect(notices.filter((m) => m.delivery === 'sent')).toHaveLength(5)
  expect(notices.filter((m) => m.delivery === 'noQuota')).toHaveLength(15)
  expect(cloud.sentTo(P.workerKangleA).length - alreadySent).toBe(5)
  expect((await remaining(P.workerKangleA)).newWork).toBe(0)
  expect(cloud.wechat.remaining(P.workerKangleA, 'local-newWork')).toBe(0)
})

test('a grant the person never gave in WeChat (a report without the tap) is corrected by WeChat’s 43101, not spent twice', async () => {
  // The report alone, as a tampered client would send it: the functions count it, WeChat has nothing.
  expectOk(await cloud.call(P.residentB, 'directory', 'grantSubscriptions', { answers: { 'local-accepted': 'accept' } }))
  expect((await remaining(P.residentB)).accepted).toBe(1)
  const filed = await fileAs(cloud, P.residentB, { category: 'property', text: '地下车库的灯不亮', place: { householdId: HOUSEHOLD_B } })
  expect((await messagesFor(P.residentB, filed._id))[0].delivery).toBe('noQuota')
  expect((await remaining(P.residentB)).accepted).toBe(0)
  expect(cloud.sentTo(P.residentB)).toEqual([])
})

test('a template the app does not use, a rejection and a ban grant nothing', async () => {
  const before = await remaining(P.residentB)
  const after = expectOk(
    await cloud.call(P.residentB, 'directory', 'grantSubscriptions', { answers: { 'someone-elses-template': 'accept', 'local-progress': 'reject', 'local-replied': 'ban' } }),
  )
  expect(Object.fromEntries(after.map((view) => [view.kind, view.remaining]))).toEqual(before)
})

test('each role is offered the templates of its own notices, with what is left and whether it is kept', async () => {
  await cloud.subscribe(P.committeeKangle, ['alert'])
  expectOk(await cloud.call(P.committeeKangle, 'directory', 'grantSubscriptions', { answers: { 'local-alert': 'accept' }, always: true }))
  const views = expectOk(await cloud.call(P.committeeKangle, 'directory', 'mySubscriptions', {}))
  expect(views.map((view) => view.kind).sort()).toEqual(['accepted', 'alert', 'newWork', 'progress', 'replied', 'review'])
  expect(views.find((view) => view.kind === 'alert')).toEqual({ kind: 'alert', templateId: 'local-alert', remaining: 2, always: true })
  const resident = expectOk(await cloud.call(P.newcomer, 'directory', 'mySubscriptions', {}))
  expect(resident.map((view) => view.kind)).toEqual(['accepted', 'progress', 'replied'])
})

test('staff hear of a binding and a party registration waiting for them, through the same quota', async () => {
  await cloud.subscribe(P.committeeKangle, ['review'])
  const binding = expectOk(await cloud.call(P.newcomer, 'directory', 'requestBinding', { householdId: seedHousehold('bldg-kl-3', '202'), name: '新居民' }))
  const toCommittee = await documents<Message>(Collections.messages, { recipientId: P.committeeKangle, action: 'bindingWaiting' })
  expect(toCommittee).toEqual([
    expect.objectContaining({ _id: `${binding.requestId}>${P.committeeKangle}`, kind: 'review', page: 'pages-staff/workbench/index', delivery: 'sent' }),
  ])
  expect(cloud.sentTo(P.committeeKangle).at(-1)).toMatchObject({ templateId: 'local-review', page: 'pages-staff/workbench/index' })

  expectOk(await cloud.call(P.newcomer, 'directory', 'registerParty', { branchId: 'br-grid-kangle-3', name: '新居民' }))
  const toSecretary = await documents<Message>(Collections.messages, { recipientId: 'demo-branch-secretary', action: 'registrationWaiting' })
  expect(toSecretary).toHaveLength(1)
  expect(toSecretary[0]).toMatchObject({ kind: 'review', title: '有党员报到，待核实', delivery: 'noQuota' })
})

test('a notice delivered twice (a retried step) is pushed once and spends one subscription: the second spend is given back', async () => {
  await cloud.subscribe(P.residentB, ['progress'], 2)
  const { deliver } = await import('../../cloudfunctions/shared/runtime/notifications')
  const notice: Message = {
    _id: `redelivered-${Date.now()}`, recipientId: P.residentB, audience: 'resident', requestId: 'req-redelivered',
    action: 'note', kind: 'progress', title: '诉求有新进展', body: '网格员已上门查看', at: cloud.clock.now(),
  }
  const alreadySent = cloud.sentTo(P.residentB).length
  await deliver([notice])
  await Promise.all([deliver([notice]), deliver([notice])])
  expect(cloud.sentTo(P.residentB).length - alreadySent).toBe(1)
  expect((await remaining(P.residentB)).progress).toBe(1)
  expect(await documents<Message>(Collections.messages, { _id: notice._id })).toEqual([expect.objectContaining({ delivery: 'sent' })])
})
