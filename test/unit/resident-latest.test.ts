import type { RequestEvent } from '../../types'
import { residentLatestOf } from '../../cloudfunctions/requests/request-store'

const step = (action: RequestEvent['action'], at: number, details?: Record<string, unknown>): RequestEvent => ({
  _id: `rq-1#${at}`, requestId: 'rq-1', seq: at, at, actorId: 'u-owner', relation: 'owner', action, from: 'accepted', to: 'inProgress', ...(details && { details }),
})
const internalNote = (at: number) => step('note', at, { visibleTo: 'staff' })
const line = ({ action, at, to }: RequestEvent) => ({ action, at, to })

describe("the resident's latest step on their list", () => {
  test('the stored one, when the latest write was an internal note', () => {
    expect(residentLatestOf({ residentLatest: line(step('accept', 1)), recentEvents: [internalNote(2)] })).toEqual(line(step('accept', 1)))
  })

  test("the latest write's, when it is later than the one stored (written by a function on older code, during a deploy)", () => {
    expect(residentLatestOf({ residentLatest: line(step('accept', 1)), recentEvents: [step('reply', 3)] })).toEqual(line(step('reply', 3)))
  })

  test("a request stored before the field: its latest write's visible step, or none", () => {
    expect(residentLatestOf({ recentEvents: [step('accept', 1), internalNote(2)] })).toEqual(line(step('accept', 1)))
    expect(residentLatestOf({ recentEvents: [internalNote(2)] })).toBeNull()
  })
})
