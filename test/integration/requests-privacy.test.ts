import { RequestDetail } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { documents, fileAs, HOUSEHOLD_A, HOUSEHOLD_B, P, POINT_KANGLE_3 } from '../support/requests'
import { recoveredRooms, roomListOf } from '../support/recover-room'
import { seedHousehold } from '../../local/seed/demo-buildings'

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
const auditOf = (actorId: string) => documents<Audit>(Collections.auditLog, { actorId, 'subject.id': requestId, action: 'contact.read' })
const detail = async (openid: string) => RequestDetail.parse(expectOk(await cloud.call(openid, 'requests', 'detail', { requestId })))
// Issue 10 (3): a masked contact carries no room at all (a shortened room named its door).
const masked = { phone: '139****5678', masked: true }
const full = { phone: '13912345678', room: '201', masked: false }

test('every list masks the phone and carries no room, for everyone, the resident included; each staff read of a list is logged', async () => {
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
  // Issue 10 (3): the three staff inbox reads (a masked phone, a masked name) are logged, one entry
  // each naming the items shown; the resident's own list is not a staff read.
  const listReads = await documents<Audit & { ids: string[] }>(Collections.auditLog, { action: 'contactList.read' })
  expect(listReads.map((e) => e.actorId).sort()).toEqual([P.committeeKangle, P.propertyCuihu, P.workerKangleA].sort())
  for (const entry of listReads) expect(entry).toMatchObject({ subject: { collection: 'requests', id: 'inbox' }, fields: ['name', 'phone'], ids: expect.arrayContaining([requestId]) })
  expect(await documents(Collections.auditLog, {})).toHaveLength(before.length + 3)
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

test('a neighbour sees the request only as a duplicate: category, status, nearness, days, count; no text, no contact, no place', async () => {
  expect(await cloud.call(P.residentB, 'requests', 'detail', { requestId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  const { items } = expectOk(await cloud.call(P.residentB, 'requests', 'checkDuplicates', { category: 'hazard', place: { point: POINT_KANGLE_3 } }))
  const seen = items.find((i) => i._id === requestId)
  expect(seen && Object.keys(seen).sort()).toEqual(['_id', 'category', 'filedDaysAgo', 'followers', 'following', 'nearness', 'status'])
})

test('messages are the recipient’s alone', async () => {
  const theirs = expectOk(await cloud.call(P.residentB, 'requests', 'myMessages', {})).items
  expect(theirs.filter((m) => m.requestId === requestId)).toEqual([])
  const mine = expectOk(await cloud.call(P.residentA, 'requests', 'myMessages', {})).items
  expect(mine.map((m) => m.action)).toEqual(['accept', 'dispatch'])
})

/**
 * Issue 10 (4): three checkDuplicates calls from a stranger placed a neighbour's pin within 0.4 m. The
 * same three calls, with the pin then moved 25 m within its cell: every answer is the same, so no
 * answer carries anything that moves with the pin — no distance, no point, no order by distance.
 */
test('the duplicate check does not locate a neighbour: three probes answer alike wherever the pin lies in its cell', async () => {
  const pin = await fileAs(cloud, P.residentA, { category: 'environment', text: '这里的垃圾桶坏了', place: { point: { lng: 121.4356, lat: 31.1886 } } })
  const probes = [{ lng: 121.4361, lat: 31.1889 }, { lng: 121.4349, lat: 31.1884 }, { lng: 121.4357, lat: 31.1897 }]
  const answers = async () =>
    Promise.all(probes.map(async (point) => expectOk(await cloud.call(P.newcomer, 'requests', 'checkDuplicates', { category: 'environment', place: { point } })).items))
  const before = await answers()
  expect(before.map((items) => items.map((i) => i._id))).toEqual([[pin._id], [pin._id], [pin._id]])
  const db = (await import('../../cloudfunctions/shared/runtime/cloudbase')).database()
  await db.collection(Collections.requests).doc(pin._id).update({ location: { lng: 121.4353, lat: 31.1884 } })
  expect(await answers()).toEqual(before)
  for (const key of ['distanceM', 'location', 'lng', 'lat', 'buildingName', 'createdAt', 'text', 'excerpt']) expect(JSON.stringify(before)).not.toContain(`"${key}"`)
})

test('a point beside a building does not tell a stranger which building a request comes from; only one’s own home does', async () => {
  const fromHome = await fileAs(cloud, P.residentA, { category: 'facility', text: '3号楼单元门的门禁坏了' })
  // 3号楼 stands at 121.4358, 31.1886; 3号楼 is nearest to this point, but it is the stranger's point, not their home.
  const probe = expectOk(await cloud.call(P.newcomer, 'requests', 'checkDuplicates', { category: 'facility', place: { point: { lng: 121.4358, lat: 31.1887 } } }))
  expect(probe.items.filter((i) => i._id === fromHome._id).map((i) => i.nearness)).not.toContain('sameBuilding')
  // A neighbour of the same building, asking about their own home, is told it is their building.
  const neighbour = 'test-neighbour-kl-3-102'
  const db = (await import('../../cloudfunctions/shared/runtime/cloudbase')).database()
  await db.collection(Collections.users).add({ _id: neighbour, name: '邻居', staff: {}, householdId: seedHousehold('bldg-kl-3', '102'), tenure: 'owner', createdAt: Date.now() })
  const own = expectOk(await cloud.call(neighbour, 'requests', 'checkDuplicates', { category: 'facility', place: { householdId: seedHousehold('bldg-kl-3', '102') } }))
  expect(own.items.find((i) => i._id === fromHome._id)?.nearness).toBe('sameBuilding')
})

test('the sweep is limited: only a place the caller could file for, a few at a time', async () => {
  // Someone else's household is not the stranger's to ask about (its room would be the answer's subject).
  expect(await cloud.call(P.newcomer, 'requests', 'checkDuplicates', { category: 'hazard', place: { householdId: HOUSEHOLD_A } })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  // Their own household is: the answer is capped (duplicates.ts DUPLICATES_SHOWN; other communities are left out there too).
  const { items } = expectOk(await cloud.call(P.residentB, 'requests', 'checkDuplicates', { category: 'hazard', place: { householdId: HOUSEHOLD_B } }))
  expect(items.length).toBeLessThanOrEqual(5)
})

/**
 * Issue 10 (3): the binding list showed `room: "3*2"` beside `householdId: "hh-kl-4-302"`, and every
 * masked room tried (157 of 157) was one room of the building's list. The same attack, over every
 * answer a caller who may not see the room reads: household ids and masks against the room list.
 */
test('no masked room is recoverable: household ids and masks tried against the building’s room list give nothing', async () => {
  const rooms = await roomListOf(cloud, 'bldg-kl-3')
  expect(rooms.find((r) => r.id === HOUSEHOLD_A)?.room).toBe('201')
  // Someone asks to bind 3号楼202, so the committee's list has a pending binding to read.
  expectOk(await cloud.call(P.newcomer, 'directory', 'requestBinding', { householdId: seedHousehold('bldg-kl-3', '202'), name: '林小雨', phone: '13912345678' }))
  const answers: [string, unknown][] = [
    ['the resident’s own list', await cloud.call(P.residentA, 'requests', 'listMine', {})],
    ...(await Promise.all(
      [P.workerKangleA, P.committeeKangle, P.streetAdmin, P.propertyCuihu].map(async (who): Promise<[string, unknown]> => [`${who}’s inbox`, await cloud.call(who, 'requests', 'inbox', {})]),
    )),
    ['the committee’s detail (not handling it)', await cloud.call(P.committeeKangle, 'requests', 'detail', { requestId })],
    ['the street’s detail (not handling it)', await cloud.call(P.streetAdmin, 'requests', 'detail', { requestId })],
    ['a stranger’s duplicate check', await cloud.call(P.newcomer, 'requests', 'checkDuplicates', { category: 'hazard', place: { point: POINT_KANGLE_3 } })],
    ['the committee’s binding list', await cloud.call(P.committeeKangle, 'directory', 'listBindingRequests', {})],
    ['the street’s binding list', await cloud.call(P.streetAdmin, 'directory', 'listBindingRequests', { status: 'pending' })],
  ]
  // The attack finds what it should where the room is shown: the applicant's own answer names 202.
  expect(recoveredRooms(await cloud.call(P.newcomer, 'directory', 'whoami', {}), rooms)).toEqual(['202'])
  const recovered = answers.map(([who, answer]) => [who, recoveredRooms(answer, rooms)])
  expect(recovered).toEqual(answers.map(([who]) => [who, []]))
  const bindings = expectOk(await cloud.call(P.committeeKangle, 'directory', 'listBindingRequests', {}))
  expect(bindings.length).toBeGreaterThan(0)
  // Each staff read of the binding list (names in full, phones masked) is logged.
  expect(await documents(Collections.auditLog, { actorId: P.streetAdmin, action: 'contactList.read', 'subject.collection': Collections.bindingRequests })).toHaveLength(1)
})

/**
 * The same attack over the answers added since (首页's contacts, the map, inbox counts, messages) and
 * those of the other functions a caller reads lists from: every building with a 党员中心户 or a
 * demo household, each caller who may not see those rooms, nothing recovered.
 */
test('no other answer a caller reads gives a room away: the attack over directory, requests, council and wishes reads', async () => {
  const period = { from: Date.now() - 400 * 86_400_000, to: Date.now() + 86_400_000 }
  const reads: [string, string, string, object][] = [
    ['directory', 'homeContacts', 'home contacts', {}],
    ['directory', 'communityMap', 'the map', {}],
    ['directory', 'communityMap', 'the map of 康乐', { communityId: 'comm-kangle' }],
    ['directory', 'nearbyBuildings', 'buildings near a point', { point: POINT_KANGLE_3 }],
    ['directory', 'listBranches', 'the branches', { communityId: 'comm-kangle' }],
    ['directory', 'listBranches', 'every branch', {}],
    ['directory', 'listColleagues', 'colleagues', { communityId: 'comm-kangle' }],
    ['directory', 'listPartyRegistrations', 'party registrations', {}],
    ['directory', 'route', 'a route', { category: 'hazard', target: { point: POINT_KANGLE_3 } }],
    ['requests', 'inboxCounts', 'inbox counts', {}],
    ['requests', 'myMessages', 'messages', { limit: 50 }],
    ['requests', 'dashboard', 'the dashboard', { scope: { communityId: 'comm-kangle' }, period }],
    ['council', 'listTopics', 'open topics', { view: 'open' }],
    ['council', 'listProposals', 'proposals', { view: 'all' }],
    ['council', 'listAssistedBallots', 'assisted ballots', { status: 'all' }],
    ['council', 'monthlyClusters', '每月一题', { communityId: 'comm-kangle', period }],
    ['wishes', 'listForMe', 'wishes for a member', {}],
    ['wishes', 'listForReview', 'open wishes', { queue: 'open' }],
    ['wishes', 'wall', 'the wish wall', { communityId: 'comm-kangle' }],
    ['wishes', 'ranking', 'the branch ranking', { communityId: 'comm-kangle', kind: 'branch', period }],
    ['wishes', 'ranking', 'the member ranking', { communityId: 'comm-kangle', kind: 'member', period }],
    ['wishes', 'branchOverview', 'a branch overview', {}],
    ['wishes', 'signals', 'wish signals', { scope: { communityId: 'comm-kangle' }, period }],
  ]
  const callers = [P.residentB, P.newcomer, P.partyMember, P.workerCuihu, P.workerKangleB, P.committeeKangle, P.streetAdmin]
  const buildings = ['bldg-kl-3', 'bldg-cq-2', 'bldg-zj-1', 'bldg-ch-6']
  const lists = await Promise.all(buildings.map((b) => roomListOf(cloud, b)))
  const found: string[] = []
  let answered = 0
  for (const who of callers) {
    for (const [fn, action, label, input] of reads) {
      const answer = await cloud.call(who, fn as 'directory', action as 'whoami', input as never)
      if (answer.ok) answered++
      // The party member's own home (长桥新村2号201) is theirs to see.
      lists.forEach((rooms, i) => {
        for (const room of recoveredRooms(answer, rooms)) if (!(who === P.partyMember && buildings[i] === 'bldg-cq-2' && room === '201')) found.push(`${who} ${label}: ${buildings[i]} ${room}`)
      })
    }
  }
  expect(answered).toBeGreaterThan(60)
  expect(found).toEqual([])
})
