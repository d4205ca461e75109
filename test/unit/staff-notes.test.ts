import type { RequestEvent, RequestRelation } from '../../types'
import { noticesFor } from '../../cloudfunctions/shared/core/request/request-notices'
import { eventsFor, lastStepShownToResident, MOST_NOTES_PER_REQUEST, notesFull, noteVisibleTo, seesStaffNotes } from '../../cloudfunctions/shared/core/request/staff-notes'

const event = (action: RequestEvent['action'], details?: Record<string, unknown>): RequestEvent => ({
  _id: `rq-1#${action}`, requestId: 'rq-1', seq: 1, at: 0, actorId: 'u-owner', relation: 'owner', action, from: 'accepted', to: 'inProgress',
  note: '已到现场', ...(details && { details }),
})
const internal = event('note', { visibleTo: 'staff', photos: ['cloud://env/requests/u-owner/site.jpg'] })
const told = event('note', { visibleTo: 'resident' })
const legacy = event('note')
const accept = event('accept')

describe('staff notes (issue 10): 仅工作人员可见 or 告诉居民, chosen each time', () => {
  test('a note says who it is for; one stored before the choice counts as told (it was shown then); other events are no notes', () => {
    expect(noteVisibleTo(internal)).toBe('staff')
    expect(noteVisibleTo(told)).toBe('resident')
    expect(noteVisibleTo(legacy)).toBe('resident')
    expect(noteVisibleTo(event('note', { visibleTo: 'everyone' }))).toBe('resident')
    expect(noteVisibleTo(accept)).toBeNull()
  })

  test.each<[string, RequestRelation[], boolean]>([
    ['the resident', ['requester'], false],
    ['the owner', ['owner'], true],
    ['a co-handler', ['coHandler'], true],
    ['a grid worker of its grid', ['gridStaff'], true],
    ['the committee', ['committee'], true],
    ['the street', ['streetAdmin'], true],
    ['a staff member who filed it for themselves', ['requester', 'gridStaff'], true],
    ['a neighbour', ['other'], false],
  ])('%s sees internal notes: %s', (_who, relations, sees) => {
    expect(seesStaffNotes(relations)).toBe(sees)
    const timeline = [accept, told, internal, legacy]
    expect(eventsFor(timeline, relations)).toEqual(sees ? timeline : [accept, told, legacy])
  })

  test('the resident sees that the item was passed on, brought up or called about, not what colleagues wrote', () => {
    const steps = [event('transfer', { toUserId: 'u-co' }), event('escalate'), event('recordCallback'), accept]
    const seen = eventsFor(steps, ['requester'])
    expect(seen.map((e) => e.action)).toEqual(['transfer', 'escalate', 'recordCallback', 'accept'])
    expect(seen.map((e) => e.note)).toEqual([undefined, undefined, undefined, '已到现场'])
    expect(eventsFor(steps, ['owner'])).toEqual(steps)
  })

  test('a told note reaches the resident as progress; an internal one reaches no one', () => {
    const request = { ownerId: 'u-owner' } as Parameters<typeof noticesFor>[1]
    expect(noticesFor(told, request)).toEqual([{ audience: 'requester', kind: 'progress', title: expect.any(String) }])
    expect(noticesFor(legacy, request)).toEqual([{ audience: 'requester', kind: 'progress', title: expect.any(String) }])
    expect(noticesFor(internal, request)).toEqual([])
  })

  test("a resident's latest step is the last one they may see, never an internal note", () => {
    expect(lastStepShownToResident([accept, told, internal])).toBe(told)
    expect(lastStepShownToResident([internal])).toBeUndefined()
    expect(lastStepShownToResident([accept, legacy])).toBe(legacy)
  })
})

test('a request holds at most 200 notes; its other steps do not count, and a timeline not on its document is not counted', () => {
  const notes = (n: number) => Array.from({ length: n }, () => ({ action: 'note' as const }))
  expect(notesFull([...notes(MOST_NOTES_PER_REQUEST - 1), ...Array.from({ length: 50 }, () => ({ action: 'accept' as const }))])).toBeNull()
  expect(notesFull(notes(MOST_NOTES_PER_REQUEST))).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(notesFull(undefined)).toBeNull()
})
