import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { seedHousehold } from '../../local/seed/demo-buildings'

const NEWCOMER = 'demo-resident-unbound'
const COMMITTEE_KANGLE = 'demo-committee-kangle'
const COMMITTEE_CUIHU = 'demo-committee-cuihu'
const STREET_ADMIN = 'demo-street-admin'
const KANGLE_ROOM = seedHousehold('bldg-kl-3', '202')

let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

const pendingFor = async (openid: string) =>
  expectOk(await cloud.call(openid, 'directory', 'listBindingRequests', { status: 'pending' }))

describe('a resident asks to bind a household and the committee decides', () => {
  test('the newcomer walks community → building → room and asks', async () => {
    const communities = expectOk(await cloud.call(NEWCOMER, 'directory', 'listCommunities', {}))
    expect(communities.map((c) => c.id)).toEqual(expect.arrayContaining(['comm-kangle', 'comm-cuihu', 'comm-zhangjia']))
    const buildings = expectOk(await cloud.call(NEWCOMER, 'directory', 'listBuildings', { communityId: 'comm-kangle' }))
    expect(buildings.find((b) => b.id === 'bldg-kl-3')).toMatchObject({ name: '3号楼', estate: '康乐小区' })
    const rooms = expectOk(await cloud.call(NEWCOMER, 'directory', 'listHouseholds', { buildingId: 'bldg-kl-3' }))
    expect(rooms.map((r) => r.room).slice(0, 3)).toEqual(['101', '102', '201'])

    const request = expectOk(
      await cloud.call(NEWCOMER, 'directory', 'requestBinding', { householdId: KANGLE_ROOM, name: '林小雨', phone: '13912345678', tenure: 'owner' }),
    )
    expect(request).toMatchObject({ status: 'pending', applicantName: '林小雨', applicantPhone: '13912345678', tenure: 'owner' })
    expect(request.household).toMatchObject({ communityName: '康乐社区', buildingName: '3号楼', room: '202', gridId: 'grid-kangle-1' })

    const me = expectOk(await cloud.call(NEWCOMER, 'directory', 'whoami', {}))
    expect(me.pendingBinding?.requestId).toBe(request.requestId)
    expect(me.household).toBeNull()
  })

  test('a second request while one is pending is refused as a duplicate', async () => {
    const again = await cloud.call(NEWCOMER, 'directory', 'requestBinding', { householdId: seedHousehold('bldg-kl-3', '101'), name: '林小雨' })
    expect(again).toMatchObject({ ok: false, code: 'DUPLICATE' })
  })

  test('a resident cannot list or decide bindings', async () => {
    const [pending] = await pendingFor(COMMITTEE_KANGLE)
    expect(await cloud.call(NEWCOMER, 'directory', 'listBindingRequests', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call('demo-resident-a', 'directory', 'decideBinding', { requestId: pending.requestId, decision: 'approve' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect((await pendingFor(COMMITTEE_KANGLE)).map((r) => r.requestId)).toContain(pending.requestId)
  })

  test("another community's committee neither sees nor decides it", async () => {
    const [pending] = await pendingFor(COMMITTEE_KANGLE)
    expect((await pendingFor(COMMITTEE_CUIHU)).map((r) => r.requestId)).not.toContain(pending.requestId)
    const decided = await cloud.call(COMMITTEE_CUIHU, 'directory', 'decideBinding', { requestId: pending.requestId, decision: 'approve' })
    expect(decided).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('the committee sees the phone and room masked, approves, and the resident is bound', async () => {
    const [pending] = await pendingFor(COMMITTEE_KANGLE)
    expect(pending.applicantPhone).toBe('139****5678')
    // Issue 10 (3): no room and no household id in the list, which the room list turns back into the door.
    expect(pending.household).not.toHaveProperty('room')
    expect(pending.household).not.toHaveProperty('householdId')
    expect(pending.household).toMatchObject({ buildingName: '3号楼', gridId: 'grid-kangle-1' })
    const approved = expectOk(await cloud.call(COMMITTEE_KANGLE, 'directory', 'decideBinding', { requestId: pending.requestId, decision: 'approve' }))
    expect(approved.status).toBe('approved')

    const me = expectOk(await cloud.call(NEWCOMER, 'directory', 'whoami', {}))
    expect(me.household).toMatchObject({ householdId: KANGLE_ROOM, room: '202', estate: '康乐小区' })
    expect(me.roles).toContain('verifiedResident')
    expect(me.pendingBinding).toBeNull()
    // The tenure the committee approved is the user's: 民法典 art. 278 counts owners only.
    const { database } = await import('../../cloudfunctions/shared/runtime/cloudbase')
    expect((await database().collection(Collections.users).doc(NEWCOMER).get()).data[0]).toMatchObject({ householdId: KANGLE_ROOM, tenure: 'owner' })
  })


  test('the reviewer may look at the full room and phone, and each look is logged', async () => {
    const [request] = expectOk(await cloud.call(COMMITTEE_KANGLE, 'directory', 'listBindingRequests', { status: 'approved' }))
    const contact = expectOk(await cloud.call(COMMITTEE_KANGLE, 'directory', 'bindingContact', { requestId: request.requestId }))
    expect(contact).toEqual({ room: '202', phone: '13912345678' })
    const { database } = await import('../../cloudfunctions/shared/runtime/cloudbase')
    const logged = await database().collection(Collections.auditLog).where({ actorId: COMMITTEE_KANGLE, action: 'contact.read' }).get()
    expect(logged.data).toEqual([
      expect.objectContaining({ action: 'contact.read', subject: { collection: Collections.bindingRequests, id: request.requestId }, fields: ['room', 'phone'] }),
    ])
    const elsewhere = await cloud.call(COMMITTEE_CUIHU, 'directory', 'bindingContact', { requestId: request.requestId })
    expect(elsewhere).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('nobody approves their own binding, not even the committee', async () => {
    const own = expectOk(await cloud.call(COMMITTEE_KANGLE, 'directory', 'requestBinding', { householdId: seedHousehold('bldg-kl-3', '101'), name: '黄主任' }))
    const self = await cloud.call(COMMITTEE_KANGLE, 'directory', 'decideBinding', { requestId: own.requestId, decision: 'approve' })
    expect(self).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(expectOk(await cloud.call(COMMITTEE_KANGLE, 'directory', 'whoami', {})).household).toBeNull()
    expectOk(await cloud.call(STREET_ADMIN, 'directory', 'decideBinding', { requestId: own.requestId, decision: 'refuse', reason: '请到居委会当面办理' }))
  })

  test('a refused duplicate request does not rewrite the name on file', async () => {
    expectOk(await cloud.call('demo-resident-a', 'directory', 'requestBinding', { householdId: seedHousehold('bldg-kl-3', '102'), name: '王阿姨' }))
    const again = await cloud.call('demo-resident-a', 'directory', 'requestBinding', { householdId: seedHousehold('bldg-kl-3', '101'), name: '冒名' })
    expect(again).toMatchObject({ ok: false, code: 'DUPLICATE' })
    expect(expectOk(await cloud.call('demo-resident-a', 'directory', 'whoami', {})).name).toBe('王阿姨')
  })

  test('a decided request cannot be decided again', async () => {
    const [approved] = expectOk(await cloud.call(COMMITTEE_KANGLE, 'directory', 'listBindingRequests', { status: 'approved' }))
    const again = await cloud.call(COMMITTEE_KANGLE, 'directory', 'decideBinding', { requestId: approved.requestId, decision: 'refuse', reason: '重复' })
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  test('a refusal needs a reason, and the resident sees it', async () => {
    const asked = expectOk(await cloud.call('demo-resident-b', 'directory', 'requestBinding', { householdId: seedHousehold('bldg-ch-6', '101'), name: '陈先生' }))
    const noReason = await cloud.callRaw(COMMITTEE_CUIHU, 'directory', { action: 'decideBinding', input: { requestId: asked.requestId, decision: 'refuse' } })
    expect(noReason).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expectOk(await cloud.call(COMMITTEE_CUIHU, 'directory', 'decideBinding', { requestId: asked.requestId, decision: 'refuse', reason: '该户已登记其他住户' }))
    const me = expectOk(await cloud.call('demo-resident-b', 'directory', 'whoami', {}))
    expect(me.lastRefusedBinding).toMatchObject({ status: 'refused', reason: '该户已登记其他住户' })
    expect(me.household?.householdId).toBe(seedHousehold('bldg-ch-6', '302'))
  })

  test('two committee members deciding at once: exactly one decision lands', async () => {
    const asked = expectOk(await cloud.call('demo-party-member', 'directory', 'requestBinding', { householdId: seedHousehold('bldg-kl-3', '102'), name: '刘建华' }))
    const outcomes = await Promise.all([
      cloud.call(COMMITTEE_KANGLE, 'directory', 'decideBinding', { requestId: asked.requestId, decision: 'approve' }),
      cloud.call(STREET_ADMIN, 'directory', 'decideBinding', { requestId: asked.requestId, decision: 'refuse', reason: '信息不符' }),
    ])
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1)
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT' })])
  })

  test('six decisions at once, through transaction conflicts and retries: one lands, five are told it is taken', async () => {
    const asked = expectOk(await cloud.call('demo-worker-kangle-b', 'directory', 'requestBinding', { householdId: seedHousehold('bldg-kl-3', '301'), name: '吴强' }))
    const reviewers = [COMMITTEE_KANGLE, STREET_ADMIN, COMMITTEE_KANGLE, STREET_ADMIN, COMMITTEE_KANGLE, STREET_ADMIN]
    const outcomes = await Promise.all(
      reviewers.map((reviewer) => cloud.call(reviewer, 'directory', 'decideBinding', { requestId: asked.requestId, decision: 'approve' })),
    )
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1)
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => !outcome.ok && outcome.code)).toEqual(Array(5).fill('CONFLICT'))
    expect(expectOk(await cloud.call('demo-worker-kangle-b', 'directory', 'whoami', {})).household?.householdId).toBe(seedHousehold('bldg-kl-3', '301'))
  })
})

describe('tenure', () => {
  test('a resident who does not say they own the home is bound as an occupant', async () => {
    const asked = expectOk(await cloud.call('demo-worker-kangle-a', 'directory', 'requestBinding', { householdId: seedHousehold('bldg-kl-3', '102'), name: '周丽' }))
    expect(asked.tenure).toBe('occupant')
    expectOk(await cloud.call(COMMITTEE_KANGLE, 'directory', 'decideBinding', { requestId: asked.requestId, decision: 'approve' }))
    const { database } = await import('../../cloudfunctions/shared/runtime/cloudbase')
    expect((await database().collection(Collections.users).doc('demo-worker-kangle-a').get()).data[0]).toMatchObject({ tenure: 'occupant' })
  })
})
