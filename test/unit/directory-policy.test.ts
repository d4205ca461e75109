import { actorFrom } from '../../cloudfunctions/shared/core/actor'
import { can, registrationDecider, type LineageBranch, type Permission } from '../../cloudfunctions/shared/core/policy'
import type { Branch, User } from '../../types'

const user = (staff: User['staff']): User => ({ _id: 'u', name: '某人', staff, createdAt: 0 })
const branch = (_id: string): Branch => ({ _id, level: 'grid', parentId: 'br-comm-a', name: _id, unitId: 'grid-a' })

const actors = {
  resident: actorFrom('u', null, []),
  committeeA: actorFrom('u', user({ committee: { communityIds: ['comm-a'] } }), []),
  streetAdmin: actorFrom('u', user({ streetAdmin: { streetIds: ['street-1'] } }), []),
  gridWorker: actorFrom('u', user({ gridWorker: { gridIds: ['grid-a'] } }), []),
  secretaryOfGridA: actorFrom('u', user({}), [branch('br-grid-a')]),
  secretaryOfCommA: actorFrom('u', user({}), [branch('br-comm-a')]),
  secretaryOfStreet: actorFrom('u', user({}), [branch('br-street')]),
}

const reviewA: Permission = { action: 'binding.review', communityId: 'comm-a', streetId: 'street-1', applicantId: 'someone' }
const reviewOwnA: Permission = { ...reviewA, applicantId: 'u' }
const reviewB: Permission = { action: 'binding.review', communityId: 'comm-b', streetId: 'street-1', applicantId: 'someone' }
const reviewOtherStreet: Permission = { action: 'binding.review', communityId: 'comm-z', streetId: 'street-2', applicantId: 'someone' }
/** A lineage, the registration's branch first: [branch, its secretary or null]. The actors above are all 'u'. */
const lineage = (...branches: [string, string | null][]): LineageBranch[] => branches.map(([branchId, secretaryId]) => ({ branchId, secretaryId }))
const verifyGridA: Permission = { action: 'party.verify', lineage: lineage(['br-grid-a', 'u'], ['br-comm-a', 'sec-comm-a'], ['br-street', 'sec-street']), applicantId: 'someone' }
const verifyOwnGridA: Permission = { ...verifyGridA, applicantId: 'u' }
const verifyGridB: Permission = { action: 'party.verify', lineage: lineage(['br-grid-b', 'sec-grid-b'], ['br-comm-b', 'sec-comm-b'], ['br-street', 'sec-street']), applicantId: 'someone' }

describe('who may review bindings and verify party members', () => {
  test.each([
    ['resident', reviewA, false],
    ['committeeA', reviewA, true],
    ['committeeA', reviewB, false],
    ['committeeA', reviewOwnA, false],
    ['committeeA', { action: 'binding.queue', communityId: 'comm-a', streetId: 'street-1' }, true],
    ['streetAdmin', reviewOwnA, false],
    ['streetAdmin', reviewB, true],
    ['streetAdmin', reviewOtherStreet, false],
    ['gridWorker', reviewA, false],
    ['resident', { action: 'binding.list' }, false],
    ['gridWorker', { action: 'binding.list' }, false],
    ['committeeA', { action: 'binding.list' }, true],
    ['secretaryOfGridA', verifyGridA, true],
    ['secretaryOfGridA', verifyGridB, false],
    ['secretaryOfGridA', verifyOwnGridA, false],
    ['committeeA', verifyGridA, false],
    ['resident', { action: 'party.list' }, false],
    ['secretaryOfGridA', { action: 'party.list' }, true],
  ] as Array<[keyof typeof actors, Permission, boolean]>)('%s → %j: %s', (who, permission, allowed) => {
    expect(can(actors[who], permission)).toBe(allowed)
  })

  // Issue 10 (5): a secretary up the lineage decides only for a branch with no secretary of its own.
  const ofGridA = (grid: string | null, comm: string | null, street: string | null, applicantId = 'someone'): Permission =>
    ({ action: 'party.verify', lineage: lineage(['br-grid-a', grid], ['br-comm-a', comm], ['br-street', street]), applicantId })
  test.each<[string, keyof typeof actors, Permission, boolean]>([
    ['the branch’s own secretary', 'secretaryOfGridA', ofGridA('u', 'sec-comm', 'sec-street'), true],
    ['the community secretary, over a branch with its own secretary', 'secretaryOfCommA', ofGridA('sec-grid', 'u', 'sec-street'), false],
    ['the street secretary, over a branch with its own secretary', 'secretaryOfStreet', ofGridA('sec-grid', 'sec-comm', 'u'), false],
    ['the community secretary, standing in for a branch with none', 'secretaryOfCommA', ofGridA(null, 'u', 'sec-street'), true],
    ['the street secretary, where the community secretary is nearer', 'secretaryOfStreet', ofGridA(null, 'sec-comm', 'u'), false],
    ['the street secretary, where no branch below has one', 'secretaryOfStreet', ofGridA(null, null, 'u'), true],
    ['the next secretary up, when the branch’s own secretary registers', 'secretaryOfCommA', ofGridA('sec-grid', 'u', 'sec-street', 'sec-grid'), true],
  ])('party registration decided by %s (%s): %s', (_label, who, permission, allowed) => {
    expect(can(actors[who], permission)).toBe(allowed)
  })

  test('a lineage with no secretary at all leaves the registration to nobody', () => {
    expect(registrationDecider(lineage(['br-hh', null], ['br-bldg', null]), 'someone')).toBeNull()
    expect(registrationDecider(lineage(['br-hh', null], ['br-bldg', 'sec-bldg'], ['br-grid', 'sec-grid']), 'someone')?.branchId).toBe('br-bldg')
  })

  test('roles are derived from the record, never claimed', () => {
    expect(actors.resident.roles).toEqual(['resident'])
    expect(actorFrom('u', { ...user({}), householdId: 'hh' }, []).roles).toEqual(['resident', 'verifiedResident'])
    expect(actors.secretaryOfGridA.roles).toEqual(['resident', 'branchSecretary'])
    expect(actors.streetAdmin.roles).toEqual(['resident', 'streetAdmin'])
  })
})
