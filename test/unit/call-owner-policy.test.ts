import { mayCallOwner } from '../../cloudfunctions/shared/core/request/request-policy'
import { closedStatuses, openStatuses } from '../../cloudfunctions/shared/core/request/request.machine'
import type { RequestRelation } from '../../types/request.schema'
import { users } from '../../local/seed/demo-people'

/** Issue 9, call both ways: who is handed the owner's work phone, and when. */
describe('mayCallOwner', () => {
  test.each(openStatuses)('while %s, the resident may ring the owner; nobody else is handed the number', (status) => {
    expect(mayCallOwner({ status, ownerId: 'u-owner' }, ['requester'])).toBe(true)
    const others: RequestRelation[][] = [['owner'], ['coHandler'], ['gridStaff'], ['committee'], ['streetAdmin'], ['other']]
    for (const relations of others) expect(mayCallOwner({ status, ownerId: 'u-owner' }, relations)).toBe(false)
  })

  test.each(closedStatuses)('once %s, the number leaves the page', (status) => {
    expect(mayCallOwner({ status, ownerId: 'u-owner' }, ['requester'])).toBe(false)
  })

  test('no owner yet, no one to ring', () => {
    expect(mayCallOwner({ status: 'submitted', ownerId: null }, ['requester'])).toBe(false)
  })
})

test('the demo seed: every staff member who may own a request has a work phone, different from every personal phone', () => {
  const personal = new Set(users.flatMap((user) => (user.phone ? [user.phone] : [])))
  const staff = users.filter((user) => user.staff.gridWorker || user.staff.committee || user.staff.streetAdmin)
  expect(staff.length).toBeGreaterThan(5)
  for (const member of staff) {
    expect({ id: member._id, workPhone: member.workPhone }).toEqual({ id: member._id, workPhone: expect.stringMatching(/^0\d{2,3}-\d{7,8}$/) })
    expect(personal.has(member.workPhone ?? '')).toBe(false)
  }
})
