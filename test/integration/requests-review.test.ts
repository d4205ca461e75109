import { RequestDetail } from '../../types'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { eventsOf, fileAs, HOUR, messagesFor, P } from '../support/requests'

/** Content safety (the local word list standing in for msgSecCheck): flagged items wait for review, never dropped. */
let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

const flagged = () => fileAs(cloud, P.residentA, { text: '楼道里到处贴着代 开 发 票的小广告' })
const reviewQueue = async (openid: string) => expectOk(await cloud.call(openid, 'requests', 'inbox', { state: 'review' })).items.map((i) => i._id)

const detail = async (openid: string, requestId: string) => RequestDetail.parse(expectOk(await cloud.call(openid, 'requests', 'detail', { requestId })))

test('a flagged filing goes to the committee’s review queue, nobody owns it, and the resident is told', async () => {
  const held = await flagged()
  // The matched word is the reviewers' alone: told to the resident, it teaches how to slip past the filter.
  expect(held).toMatchObject({ status: 'inReview', ownerId: null, deadlines: null, moderation: null })
  expect(held.timeline.map((e) => e.action)).toEqual(['file', 'flag'])
  expect(JSON.stringify(held)).not.toContain('代开发票')
  expect(JSON.stringify(await detail(P.residentA, held._id))).not.toContain('代开发票')
  for (const reviewer of [P.committeeKangle, P.streetAdmin]) {
    const seen = await detail(reviewer, held._id)
    expect(seen.moderation?.reason).toContain('代开发票')
    expect(seen.timeline.find((e) => e.action === 'flag')?.note).toContain('代开发票')
  }
  const [told] = await messagesFor(P.residentA, held._id)
  expect(told).toMatchObject({ title: '诉求已提交，待审核', audience: 'resident' })
  expect(told.body).not.toContain('代开发票')
  const [reviewers] = await messagesFor(P.committeeKangle, held._id)
  expect(reviewers).toMatchObject({ title: '有诉求待内容审核', audience: 'staff', body: expect.stringContaining('代开发票') })
  expect(await reviewQueue(P.committeeKangle)).toContain(held._id)
  expect(await reviewQueue(P.streetAdmin)).toContain(held._id)
  expect(await reviewQueue(P.committeeCuihu)).not.toContain(held._id)
  const workerInbox = expectOk(await cloud.call(P.workerKangleA, 'requests', 'inbox', {})).items.map((i) => i._id)
  expect(workerInbox).not.toContain(held._id)
})

test('released, it is dispatched at once to the first responder, its clock starting at the release', async () => {
  const held = await flagged()
  cloud.clock.advance(3 * HOUR)
  const released = RequestDetail.parse(expectOk(await cloud.call(P.committeeKangle, 'requests', 'review', { requestId: held._id, decision: 'release', note: '是举报小广告，内容正常' })))
  expect(released).toMatchObject({ status: 'dispatched', ownerId: P.workerKangleA, moderation: { decidedBy: P.committeeKangle } })
  expect(released.dispatchedAt).toBeGreaterThanOrEqual(held.createdAt + 3 * HOUR)
  expect(released.deadlines!.respondBy - released.dispatchedAt!).toBe(2 * HOUR)
  expect((await eventsOf(held._id)).map((e) => `${e.action}:${e.to}`)).toEqual(['file:submitted', 'flag:inReview', 'release:submitted', 'dispatch:dispatched'])
  expect((await messagesFor(P.workerKangleA, held._id)).map((m) => m.action)).toEqual(['dispatch'])
  expect(await reviewQueue(P.committeeKangle)).not.toContain(held._id)
  // The grid worker who now owns it handles the matter, not the filter's verdict.
  expect(JSON.stringify(await detail(P.workerKangleA, held._id))).not.toContain('代开发票')
})

test('rejected, it closes with the reason the resident reads; a second decision is a conflict', async () => {
  const held = await flagged()
  const rejected = expectOk(await cloud.call(P.streetAdmin, 'requests', 'review', { requestId: held._id, decision: 'reject', reason: '含有广告信息' }))
  expect(rejected).toMatchObject({ status: 'rejected', closedAt: expect.any(Number), moderation: { note: '含有广告信息' } })
  const asResident = await detail(P.residentA, held._id)
  expect(asResident.moderation).toEqual({ decidedBy: P.streetAdmin, note: '含有广告信息' })
  expect(JSON.stringify(asResident)).not.toContain('代开发票')
  const [told] = (await messagesFor(P.residentA, held._id)).filter((m) => m.action === 'reject')
  expect(told.body).toContain('含有广告信息')
  expect(await cloud.call(P.committeeKangle, 'requests', 'review', { requestId: held._id, decision: 'release' })).toMatchObject({ ok: false, code: 'CONFLICT' })
})

test('the resident may withdraw while it waits for review', async () => {
  const held = await flagged()
  expect(held.availableActions).toEqual(['withdraw'])
  expect(expectOk(await cloud.call(P.residentA, 'requests', 'withdraw', { requestId: held._id })).status).toBe('withdrawn')
})
