import { expectOk, startTestCloudbase, type TestCloudbase } from '../support/test-cloudbase'

const NEWCOMER = 'demo-resident-unbound'
const SECRETARY_KANGLE_3 = 'demo-branch-secretary'

let cloud: TestCloudbase
beforeAll(async () => {
  cloud = await startTestCloudbase()
})
afterAll(() => cloud.close())

describe('在职党员双报到: a member registers and the branch secretary verifies', () => {
  test('the branches of a community are offered, the street committee first', async () => {
    const branches = expectOk(await cloud.call(NEWCOMER, 'directory', 'listBranches', { communityId: 'comm-kangle' }))
    expect(branches[0]).toMatchObject({ id: 'br-street', level: 'street' })
    expect(branches.map((b) => b.id)).toEqual(expect.arrayContaining(['br-comm-kangle', 'br-grid-kangle-3']))
    expect(branches.map((b) => b.id)).not.toContain('br-grid-cuihu-1')
  })

  test('a serving member registers with the grid branch, naming their workplace', async () => {
    const registration = expectOk(
      await cloud.call(NEWCOMER, 'directory', 'registerParty', { branchId: 'br-grid-kangle-3', name: '林小雨', workplace: '市第六人民医院' }),
    )
    expect(registration).toMatchObject({ status: 'pending', branchName: '康乐三网格党支部', workplace: '市第六人民医院' })
    const again = await cloud.call(NEWCOMER, 'directory', 'registerParty', { branchId: 'br-grid-kangle-1', name: '林小雨' })
    expect(again).toMatchObject({ ok: false, code: 'DUPLICATE' })
  })

  test('only a secretary of the branch or above may see and verify it', async () => {
    const listed = expectOk(await cloud.call(SECRETARY_KANGLE_3, 'directory', 'listPartyRegistrations', { status: 'pending' }))
    expect(listed.map((r) => r.memberName)).toContain('林小雨')
    const [registration] = listed

    expect(await cloud.call('demo-resident-a', 'directory', 'listPartyRegistrations', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // The secretary of 翠湖社区大党委 is no ancestor of 康乐三网格党支部.
    const otherSecretary = await cloud.call('demo-committee-cuihu', 'directory', 'verifyParty', {
      registrationId: registration.registrationId,
      decision: 'approve',
    })
    expect(otherSecretary).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const ancestorList = expectOk(await cloud.call('demo-committee-kangle', 'directory', 'listPartyRegistrations', { status: 'pending' }))
    expect(ancestorList.map((r) => r.registrationId)).toContain(registration.registrationId)
  })

  test('verified, the member shows as a party member of the branch', async () => {
    const [registration] = expectOk(await cloud.call(SECRETARY_KANGLE_3, 'directory', 'listPartyRegistrations', { status: 'pending' }))
    const verified = expectOk(
      await cloud.call(SECRETARY_KANGLE_3, 'directory', 'verifyParty', { registrationId: registration.registrationId, decision: 'approve' }),
    )
    expect(verified.status).toBe('approved')
    const me = expectOk(await cloud.call(NEWCOMER, 'directory', 'whoami', {}))
    expect(me.roles).toContain('partyMember')
    expect(me.party).toEqual({ branchId: 'br-grid-kangle-3', branchName: '康乐三网格党支部', status: 'verified' })
    const twice = await cloud.call(NEWCOMER, 'directory', 'registerParty', { branchId: 'br-grid-kangle-3', name: '林小雨' })
    expect(twice).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
})
