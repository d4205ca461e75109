import { directoryActions } from '../../types'
import { Collections } from '../../cloudfunctions/shared/runtime/collections'
import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'
import { seedHousehold } from '../../local/seed/demo-buildings'

let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

const writable = [Collections.users, Collections.bindingRequests, Collections.partyRegistrations, Collections.subscriptions]

async function documentCounts(): Promise<number[]> {
  const { database } = await import('../../cloudfunctions/shared/runtime/cloudbase')
  return Promise.all(writable.map(async (name) => (await database().collection(name).count()).total as number))
}

/** Inputs no action accepts: wrong shapes, wrong types, unknown keys, oversized strings. */
const malformedForEveryAction: unknown[] = [null, 'whoami', 42, [], { __proto__: null, unexpected: true }]
const malformedByAction: Record<keyof typeof directoryActions, unknown[]> = {
  whoami: [{ openid: 'demo-street-admin' }],
  homeContacts: [{ householdId: seedHousehold('bldg-kl-3', '201') }],
  mySubscriptions: [{ kind: 'alert' }],
  grantSubscriptions: [{}, { answers: { a: 'accept', b: 'accept', c: 'accept', d: 'accept' } }, { answers: { a: 'maybe' } }, { answers: { '': 'accept' } }, { answers: {}, always: 'yes' }],
  route: [{ category: 'property' }, { category: 'nope', target: { householdId: seedHousehold('bldg-kl-3', '201') } }, { category: 'hazard', target: { point: { lng: 500, lat: 31 } } }],
  listCommunities: [{ streetId: 1 }],
  listBuildings: [{}, { communityId: '' }, { communityId: 'x'.repeat(65) }],
  listHouseholds: [{ buildingId: 7 }],
  listGrids: [{}, { communityId: 5 }],
  householdResidents: [{}, { householdId: '' }, { householdId: seedHousehold('bldg-kl-3', '201'), fields: ['phone'] }],
  nearbyBuildings: [{ point: { lng: 121.4 } }, { point: [121.4, 31.2] }],
  communityMap: [{ communityId: '' }, { near: { lng: 121.4 } }, { communityId: 'comm-kangle', households: true }],
  requestBinding: [{ householdId: seedHousehold('bldg-kl-3', '201') }, { householdId: seedHousehold('bldg-kl-3', '201'), name: '' }, { householdId: seedHousehold('bldg-kl-3', '201'), name: '王', phone: '12345' }, { householdId: seedHousehold('bldg-kl-3', '201'), name: '王', tenure: 'landlord' }],
  listBindingRequests: [{ status: 'maybe' }],
  bindingContact: [{}, { requestId: '' }],
  decideBinding: [{ requestId: 'x', decision: 'approve!' }, { requestId: 'x', decision: 'refuse' }, { decision: 'approve' }],
  listColleagues: [{}, { communityId: 5 }],
  listBranches: [{ communityId: 3 }],
  registerParty: [{ branchId: 'br-grid-kangle-3' }, { branchId: 'br-grid-kangle-3', name: '王', workplace: 'x'.repeat(81) }],
  listPartyRegistrations: [{ status: 1 }],
  verifyParty: [{ registrationId: 'x', decision: 'refuse', reason: '' }, { registrationId: 'x' }],
}

describe('the directory contract at its edge', () => {
  test.each(Object.keys(directoryActions))('%s answers INVALID_INPUT to malformed input and changes nothing', async (action) => {
    const before = await documentCounts()
    for (const input of [...malformedForEveryAction, ...malformedByAction[action as keyof typeof directoryActions]]) {
      const result = await cloud.callRaw('demo-street-admin', 'directory', { action, input })
      expect({ input, result }).toMatchObject({ input, result: { ok: false, code: 'INVALID_INPUT' } })
    }
    expect(await documentCounts()).toEqual(before)
  })

  test('an unknown action and a missing caller are told apart', async () => {
    expect(await cloud.callRaw('demo-street-admin', 'directory', { action: 'dropDatabase' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    expect(await cloud.callRaw('demo-street-admin', 'directory', 'whoami')).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    expect(await cloud.call(null, 'directory', 'whoami', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  test('whoami knows every persona by the OPENID in the context alone', async () => {
    const roles = async (openid: string) => expectOk(await cloud.call(openid, 'directory', 'whoami', {})).roles
    expect(await roles('demo-resident-unbound')).toEqual(['resident'])
    expect(await roles('demo-resident-a')).toEqual(['resident', 'verifiedResident'])
    expect(await roles('demo-branch-secretary')).toEqual(expect.arrayContaining(['partyMember', 'branchSecretary']))
    expect(await roles('demo-worker-kangle-a')).toContain('gridWorker')
    expect(await roles('demo-committee-kangle')).toContain('committee')
    expect(await roles('demo-street-admin')).toContain('streetAdmin')
    expect(await roles('someone-new-from-wechat')).toEqual(['resident'])
  })

  test('route explains where a household’s request and a point’s request would go', async () => {
    const byHousehold = expectOk(await cloud.call('demo-resident-a', 'directory', 'route', { category: 'hazard', target: { householdId: seedHousehold('bldg-kl-3', '201') } }))
    expect(byHousehold).toMatchObject({
      gridId: 'grid-kangle-1',
      gridName: expect.any(String),
      handlerId: 'demo-worker-kangle-a',
      handlerName: '网格员周丽',
      handlerRole: 'gridWorker',
      branchId: 'br-grid-kangle-1',
      partyGroupId: 'br-bldg-kl-3',
      locateRule: 'household',
    })
    // hazards: answer within 2 hours (deadlines.ts defaults), counted from the moment of asking
    expect(byHousehold.respondBy - Date.now()).toBeGreaterThan(2 * 3600_000 - 60_000)
    expect(byHousehold.respondBy - Date.now()).toBeLessThanOrEqual(2 * 3600_000)
    expect(byHousehold.resolveBy).toBeGreaterThan(byHousehold.respondBy)
    const farAway = await cloud.call('demo-resident-a', 'directory', 'route', { category: 'hazard', target: { point: { lng: 116.39, lat: 39.9 } } })
    expect(farAway).toMatchObject({ ok: false, code: 'OUT_OF_AREA' })
    const unknown = await cloud.call('demo-resident-a', 'directory', 'route', { category: 'hazard', target: { householdId: 'hh-nowhere' } })
    expect(unknown).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  test('a handler finds colleagues to ask for help, the community’s own first; residents may not', async () => {
    const colleagues = expectOk(await cloud.call('demo-worker-kangle-a', 'directory', 'listColleagues', { communityId: 'comm-kangle' }))
    const ids = colleagues.map((c) => c.id)
    expect(ids).not.toContain('demo-worker-kangle-a')
    expect(ids).toEqual(expect.arrayContaining(['demo-worker-kangle-b', 'demo-elderly-kangle', 'demo-committee-kangle', 'demo-street-admin']))
    expect(ids).not.toContain('demo-resident-a')
    expect(colleagues.find((c) => c.id === 'demo-elderly-kangle')).toMatchObject({ post: 'elderlyServices', sameCommunity: true })
    expect(colleagues.find((c) => c.id === 'demo-worker-cuihu')).toMatchObject({ sameCommunity: false })
    const firstOther = colleagues.findIndex((c) => !c.sameCommunity)
    expect(colleagues.slice(firstOther).every((c) => !c.sameCommunity)).toBe(true)
    const cuihu = expectOk(await cloud.call('demo-worker-cuihu', 'directory', 'listColleagues', { communityId: 'comm-cuihu' }))
    expect(cuihu.find((c) => c.id === 'demo-property-cuihu')).toMatchObject({ post: 'propertyContact', sameCommunity: true })
    expect(await cloud.call('demo-resident-a', 'directory', 'listColleagues', { communityId: 'comm-kangle' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('locating on the map lists the nearest buildings first', async () => {
    const nearby = expectOk(await cloud.call('demo-resident-unbound', 'directory', 'nearbyBuildings', { point: { lng: 121.4358, lat: 31.1886 } }))
    expect(nearby[0]).toMatchObject({ id: 'bldg-kl-3', distanceM: 0, communityName: '康乐社区' })
    expect(nearby.map((b) => b.distanceM)).toEqual([...nearby.map((b) => b.distanceM)].sort((a, b) => a - b))
  })
})
