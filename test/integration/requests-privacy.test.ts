import { RequestDetail } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { documents, fileAs, HOUSEHOLD_A, P, POINT_KANGLE_3 } from '../support/requests'

/** Phone and room: masked in every list; in full only for the resident and those handling it; each staff read logged. */
let cloud: TestCloudbase
let requestId: string
beforeAll(async () => {
  cloud = await startTestCloudbase()
  requestId = (await fileAs(cloud, P.residentA, { contactPhone: '13912345678' }))._id
  expectOk(await cloud.call(P.workerKangleA, 'requests', 'accept', { requestId }))
  expectOk(await cloud.call(P.workerKangleA, 'requests', 'transfer', { requestId, toUserId: P.propertyCuihu, note: '请物业协助' }))
})
afterAll(() => cloud.close())

type Audit = { actorId: string; action: string; subject: { collection: string; id: string }; fields: string[] }
const auditOf = (actorId: string) => documents<Audit>(Collections.auditLog, { actorId, 'subject.id': requestId })
const detail = async (openid: string) => RequestDetail.parse(expectOk(await cloud.call(openid, 'requests', 'detail', { requestId })))
const masked = { phone: '139****5678', room: '2*1', masked: true }
const full = { phone: '13912345678', room: '201', masked: false }

test('every list masks phone and room, for everyone, the resident included, and logs no read', async () => {
  // The owner's accept and transfer were answered with the detail, contact in full: two reads already.
  const before = await documents(Collections.auditLog, {})
  expect(before).toHaveLength(2)
  const lists = [
    expectOk(await cloud.call(P.residentA, 'requests', 'listMine', {})).items,
    expectOk(await cloud.call(P.workerKangleA, 'requests', 'inbox', {})).items,
    expectOk(await cloud.call(P.committeeKangle, 'requests', 'inbox', {})).items,
    expectOk(await cloud.call(P.propertyCuihu, 'requests', 'inbox', {})).items,
  ]
  for (const items of lists) expect(items.find((i) => i._id === requestId)?.contact).toEqual(masked)
  expect(await documents(Collections.auditLog, {})).toHaveLength(before.length)
})

test.each([
  ['the resident', P.residentA, full, 0],
  ['the owner', P.workerKangleA, full, 1],
  ['a co-handler', P.propertyCuihu, full, 1],
  ['the committee (not handling it)', P.committeeKangle, masked, 0],
  ['the street admin (not handling it)', P.streetAdmin, masked, 0],
])('the detail for %s: contact %o, %i audit entries per read', async (_who, openid, contact, logged) => {
  const before = (await auditOf(openid)).length
  expect((await detail(openid)).contact).toEqual(contact)
  await detail(openid)
  const entries = await auditOf(openid)
  expect(entries.length - before).toBe(2 * logged)
  for (const entry of entries) expect(entry).toMatchObject({ action: 'contact.read', subject: { collection: 'requests', id: requestId }, fields: ['phone', 'room'] })
})

/** The room as a value of its own; a timestamp that happens to hold the digits 201 is not one. */
const ROOM = /(?<![0-9])201(?![0-9])/

test.each([
  ['the resident', P.residentA],
  ['the owner', P.workerKangleA],
  ['a co-handler', P.propertyCuihu],
])('the place in full, with the contact in full, for %s', async (_who, openid) => {
  expect((await detail(openid)).place).toEqual({ householdId: HOUSEHOLD_A })
})

test.each([
  ['the committee (not handling it)', P.committeeKangle],
  ['the street admin (not handling it)', P.streetAdmin],
])('for %s neither the room nor the household id appears anywhere, in the detail or the lists', async (_who, openid) => {
  const answer = await detail(openid)
  expect(answer.place).toEqual({ kind: 'household', buildingId: 'bldg-kl-3' })
  const inbox = expectOk(await cloud.call(openid, 'requests', 'inbox', {}))
  for (const json of [JSON.stringify(answer), JSON.stringify(inbox)]) {
    expect(json).not.toContain(HOUSEHOLD_A)
    expect(json).not.toMatch(ROOM)
  }
})

test('the detail never carries the stored-only fields (the idempotency key, the raw phone, the timer bookkeeping)', async () => {
  const answer = expectOk(await cloud.call(P.committeeKangle, 'requests', 'detail', { requestId })) as Record<string, unknown>
  for (const key of ['idempotencyKey', 'contactPhone', 'contactRoom', 'alerts', 'timerDueAt', 'recentEvents']) expect(answer).not.toHaveProperty(key)
  expect(JSON.stringify(answer)).not.toContain('13912345678')
})

test('a neighbour sees the request only as a duplicate: category, status, place, count; no text, no contact', async () => {
  expect(await cloud.call(P.residentB, 'requests', 'detail', { requestId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  const { items } = expectOk(await cloud.call(P.residentB, 'requests', 'checkDuplicates', { category: 'hazard', place: { point: POINT_KANGLE_3 } }))
  const seen = items.find((i) => i._id === requestId)
  expect(seen && Object.keys(seen).sort()).toEqual(['_id', 'buildingName', 'category', 'createdAt', 'distanceM', 'followers', 'following', 'sameBuilding', 'status'])
})

test('messages are the recipient’s alone', async () => {
  const theirs = expectOk(await cloud.call(P.residentB, 'requests', 'myMessages', {})).items
  expect(theirs.filter((m) => m.requestId === requestId)).toEqual([])
  const mine = expectOk(await cloud.call(P.residentA, 'requests', 'myMessages', {})).items
  expect(mine.map((m) => m.action)).toEqual(['accept', 'dispatch'])
})
