import { actorFrom } from '../../cloudfunctions/shared/core/actor'
import { can, type Permission } from '../../cloudfunctions/shared/core/policy'
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
}

const reviewA: Permission = { action: 'binding.review', communityId: 'comm-a', streetId: 'street-1', applicantId: 'someone' }
const reviewOwnA: Permission = { ...reviewA, applicantId: 'u' }
const reviewB: Permission = { action: 'binding.review', communityId: 'comm-b', streetId: 'street-1', applicantId: 'someone' }
const reviewOtherStreet: Permission = { action: 'binding.review', communityId: 'comm-z', streetId: 'street-2', applicantId: 'someone' }
const verifyGridA: Permission = { action: 'party.verify', branchLineage: ['br-grid-a', 'br-comm-a', 'br-street'], applicantId: 'someone' }
const verifyOwnGridA: Permission = { ...verifyGridA, applicantId: 'u' }
const verifyGridB: Permission = { action: 'party.verify', branchLineage: ['br-grid-b', 'br-comm-b', 'br-street'], applicantId: 'someone' }

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
    ['secretaryOfCommA', { action: 'party.queue', branchLineage: ['br-grid-a', 'br-comm-a'] }, true],
    ['secretaryOfCommA', verifyGridA, true],
    ['committeeA', verifyGridA, false],
    ['resident', { action: 'party.list' }, false],
    ['secretaryOfGridA', { action: 'party.list' }, true],
  ] as Array<[keyof typeof actors, Permission, boolean]>)('%s → %j: %s', (who, permission, allowed) => {
    expect(can(actors[who], permission)).toBe(allowed)
  })

  test('roles are derived from the record, never claimed', () => {
    expect(actors.resident.roles).toEqual(['resident'])
    expect(actorFrom('u', { ...user({}), householdId: 'hh' }, []).roles).toEqual(['resident', 'verifiedResident'])
    expect(actors.secretaryOfGridA.roles).toEqual(['resident', 'branchSecretary'])
    expect(actors.streetAdmin.roles).toEqual(['resident', 'streetAdmin'])
  })
})
