import type { Actor } from '../../cloudfunctions/shared/core/actor'
import { dueTimes } from '../../cloudfunctions/shared/core/request/deadlines'
import { newRequest } from '../../cloudfunctions/shared/core/request/new-request'
import { applyTransition, availableActions } from '../../cloudfunctions/shared/core/request/request.machine'
import { households } from '../../local/seed/demo-buildings'
import {
  canRequest, contactView, mayBeCoHandler, moderationView, placeView, relationsTo, transitionActor, visibility, type RequestPermission,
} from '../../cloudfunctions/shared/core/request/request-policy'
import { ratingRefusal, withoutOwnRating } from '../../cloudfunctions/shared/core/request/rater-policy'
import { namedResidentRefusal } from '../../cloudfunctions/shared/core/request/on-behalf'
import type { RequestAction, RequestRelation, RequestStatus } from '../../types/request.schema'
import { person, requestDraft } from './request-drafts'

const T0 = 1_741_000_000_000

/** A request of 王阿姨 in grid-1 of comm-1 in street-1, owned by 网格员 u-owner, with a co-handler. */
const draft = requestDraft('environment', '楼下垃圾三天没清', { _id: 'req-1', contactPhone: '13812345678', route: { buildingId: 'bldg-1' } })
const base = { ...newRequest(draft, person('u-res'), T0).request, ownerId: 'u-owner', coHandlerIds: ['u-co'], deadlines: dueTimes('environment', T0), dispatchedAt: T0, repliedAt: T0 }
const inStatus = (status: RequestStatus) => ({ ...base, status })

type Row = [who: string, actor: Actor, relations: RequestRelation[], contact: 'full' | 'masked',
  dispatched: RequestAction[], inProgress: RequestAction[], replied: RequestAction[]]
const handle: RequestAction[] = ['note', 'transfer', 'escalate', 'refer', 'reply']

/** role × own/other: how each stands to the request, what they see, and what they may do in three states. */
const matrix: Row[] = [
  ['the resident, own request', person('u-res'), ['requester'], 'full', ['withdraw'], [], ['rate', 'reopen']],
  ['another resident', person('u-neighbour'), ['other'], 'masked', ['follow'], ['follow'], []],
  ['the owner, a grid worker of the grid', person('u-owner', { gridIds: ['grid-1'] }), ['owner', 'gridStaff'], 'full', ['accept', 'refer'], handle, ['recordCallback']],
  ['a co-handler (another department)', person('u-co'), ['coHandler'], 'full', [], ['note'], ['recordCallback']],
  ['another grid worker of the same grid', person('u-grid', { gridIds: ['grid-1'] }), ['gridStaff'], 'masked', [], [], []],
  ['a grid worker of another grid', person('u-grid2', { gridIds: ['grid-2'] }), ['other'], 'masked', ['follow'], ['follow'], []],
  ['the committee of the community', person('u-comm', { communityIds: ['comm-1'] }), ['committee'], 'masked', ['accept', 'refer'], handle, ['recordCallback']],
  ['the committee of another community', person('u-comm2', { communityIds: ['comm-2'] }), ['other'], 'masked', ['follow'], ['follow'], []],
  ['the street admin of the street', person('u-street', { streetIds: ['street-1'] }), ['streetAdmin'], 'masked', ['accept', 'refer'], ['note', 'transfer', 'refer'], ['recordCallback']],
  ['the street admin of another street', person('u-street2', { streetIds: ['street-2'] }), ['other'], 'masked', ['follow'], ['follow'], []],
]

describe.each(matrix)('%s', (_who, actor, relations, contact, dispatched, inProgress, replied) => {
  test('relations', () => {
    expect(relationsTo(actor, base)).toEqual(relations)
  })

  test.each([['dispatched', dispatched], ['inProgress', inProgress], ['replied', replied]] as const)('may do in %s', (status, actions) => {
    expect(availableActions(inStatus(status), relations, T0)).toEqual(actions)
  })

  test('every action outside the list is refused, the listed ones go through', () => {
    for (const [status, allowed] of [['dispatched', dispatched], ['inProgress', inProgress], ['replied', replied]] as const) {
      for (const action of ['withdraw', 'accept', 'note', 'refer', 'reply', 'rate', 'follow', 'recordCallback'] as const) {
        const request = inStatus(status)
        const payload = { note: 'x', scope: 'court', text: '已处理', photos: [], outcome: 'resolved', satisfaction: 'basic', reached: true }
        const outcome = applyTransition(request, action, transitionActor(actor, request), T0 + 1, payload as never)
        expect([status, action, outcome.ok]).toEqual([status, action, (allowed as readonly RequestAction[]).includes(action)])
      }
    }
  })

  test('what they see: the full item, a summary of an open one, or nothing', () => {
    const full = !relations.includes('other')
    expect(visibility(inStatus('inProgress'), relations)).toBe(full ? 'full' : 'summary')
    expect(visibility(inStatus('closed'), relations)).toBe(full ? 'full' : 'none')
    expect(visibility(inStatus('inReview'), relations)).toBe(full ? 'full' : 'none')
  })

  test('the place: in full (the household id names the room) exactly when the contact is; else the building', () => {
    const shown = placeView(base, contactView({ room: '1202' }, relations, 'detail'))
    expect(shown).toEqual(contact === 'full' ? { householdId: 'hh-1' } : { kind: 'household', buildingId: 'bldg-1' })
    const atPoint = { ...base, place: { point: { lng: 121.4, lat: 31.2 } } }
    expect(placeView(atPoint, contactView({}, relations, 'detail'))).toEqual(contact === 'full' ? atPoint.place : { kind: 'point' })
  })

  test('the word content safety matched: for the committee and the street only', () => {
    const reviewer = relations.includes('committee') || relations.includes('streetAdmin')
    const held = { reason: '代开发票' }
    const decided = { reason: '代开发票', decidedBy: 'u-comm', note: '含有广告信息' }
    expect(moderationView(held, relations)).toEqual(reviewer ? held : null)
    expect(moderationView(decided, relations)).toEqual(reviewer ? decided : { decidedBy: 'u-comm', note: '含有广告信息' })
    expect(moderationView(null, relations)).toBeNull()
  })

  // Issue 10 (3): a masked contact carries no room at all; 1**2 was one room of the building's list.
  test('contact details: full on the detail only for the resident and the handlers; in every list the phone masked and no room', () => {
    const detail = contactView({ phone: '13812345678', room: '1202' }, relations, 'detail')
    expect(detail).toEqual(contact === 'full'
      ? { phone: '13812345678', room: '1202', masked: false, logRead: !relations.includes('requester') }
      : { phone: '138****5678', masked: true, logRead: false })
    expect(contactView({ phone: '13812345678', room: '1202' }, relations, 'list')).toEqual({ phone: '138****5678', masked: true, logRead: false })
  })
})

test('one person may stand in several ways: a grid worker who found it on patrol and owns it', () => {
  const patrol = { ...base, residentId: null, ownerId: 'u-owner', coHandlerIds: [] }
  expect(relationsTo(person('u-owner', { gridIds: ['grid-1'], communityIds: ['comm-1'] }), patrol)).toEqual(['owner', 'gridStaff', 'committee'])
})

test('an item in the community queue (no grid) has no grid staff, only the committee and the street', () => {
  const queued = { ...base, route: { ...base.route, gridId: null }, ownerId: null }
  expect(relationsTo(person('u-grid', { gridIds: ['grid-1'] }), queued)).toEqual(['other'])
  expect(relationsTo(person('u-comm', { communityIds: ['comm-1'] }), queued)).toEqual(['committee'])
})

describe('actions on no single request', () => {
  const at = { gridId: 'grid-1', communityId: 'comm-1', streetId: 'street-1' }
  const people = {
    resident: person('u-res'),
    gridWorker: person('u-grid', { gridIds: ['grid-1'] }),
    otherGridWorker: person('u-grid2', { gridIds: ['grid-2'] }),
    committee: person('u-comm', { communityIds: ['comm-1'] }),
    otherCommittee: person('u-comm2', { communityIds: ['comm-2'] }),
    streetAdmin: person('u-street', { streetIds: ['street-1'] }),
    otherStreetAdmin: person('u-street2', { streetIds: ['street-2'] }),
  }
  const cases: [string, RequestPermission, (keyof typeof people)[]][] = [
    ['file on behalf / proactive in grid-1', { action: 'request.fileForOthers', ...at }, ['gridWorker', 'committee', 'streetAdmin']],
    ['the grid-1 dashboard', { action: 'request.dashboard', ...at }, ['gridWorker', 'committee', 'streetAdmin']],
    ['the comm-1 dashboard', { action: 'request.dashboard', ...at, gridId: null }, ['committee', 'streetAdmin']],
    ['the street-1 dashboard', { action: 'request.dashboard', gridId: null, communityId: null, streetId: 'street-1' }, ['streetAdmin']],
    ['the content review queue', { action: 'request.reviewQueue' }, ['committee', 'otherCommittee', 'streetAdmin', 'otherStreetAdmin']],
  ]
  test.each(cases)('%s', (_name, permission, allowed) => {
    const who = (Object.keys(people) as (keyof typeof people)[]).filter((k) => canRequest(people[k], permission))
    expect(who).toEqual(allowed)
  })
})

describe('who may be brought in as a co-handler (transfer, 吹哨): they will read the contact', () => {
  const directory = {
    streetOfCommunity: new Map([['comm-1', 'street-1'], ['comm-2', 'street-1'], ['comm-9', 'street-9']]),
    communityOfGrid: new Map([['grid-1', 'comm-1'], ['grid-2', 'comm-2'], ['grid-9', 'comm-9']]),
    postsIn: new Map([['u-property', ['comm-2']], ['u-elderly-post', ['comm-1']], ['u-far-property', ['comm-9']]]),
  }
  test.each<[string, { _id: string; staff: object }, boolean]>([
    ['a grid worker of another grid in the street', { _id: 'u-grid', staff: { gridWorker: { gridIds: ['grid-2'] } } }, true],
    ['committee staff of another community in the street', { _id: 'u-comm', staff: { committee: { communityIds: ['comm-2'] } } }, true],
    ['street staff of the street', { _id: 'u-street', staff: { streetAdmin: { streetIds: ['street-1'] } } }, true],
    ['a property contact the directory names in the street', { _id: 'u-property', staff: {} }, true],
    ['a community post the directory names', { _id: 'u-elderly-post', staff: {} }, true],
    ['a resident', { _id: 'u-neighbour', staff: {} }, false],
    ['a grid worker of another street', { _id: 'u-grid9', staff: { gridWorker: { gridIds: ['grid-9'] } } }, false],
    ['street staff of another street', { _id: 'u-street9', staff: { streetAdmin: { streetIds: ['street-9'] } } }, false],
    ['a property contact of another street', { _id: 'u-far-property', staff: {} }, false],
  ])('%s → %s', (_who, target, may) => {
    expect(mayBeCoHandler(target, base, directory)).toBe(may)
  })
})

/**
 * Issue 10 (3), over the whole demo street: of every household's masked contact, how many rooms the
 * building's room list gives back. The old mask (first and last character kept) gave back most;
 * leaving the room out gives back none.
 */
test('no masked contact of any demo household fits a single room of its building', () => {
  const rooms = new Map<string, string[]>()
  for (const h of households) rooms.set(h.buildingId, [...(rooms.get(h.buildingId) ?? []), h.room])
  const recovered = households.filter((h) => {
    const shown = Object.values(contactView({ phone: '13812345678', room: h.room }, ['other'], 'list')).filter((v): v is string => typeof v === 'string')
    const fits = (room: string) => shown.some((v) => v === room || new RegExp(`^${v.replace(/\*/g, '.')}$`).test(room))
    return (rooms.get(h.buildingId) ?? []).filter(fits).length === 1
  })
  expect(households.length).toBeGreaterThan(150)
  expect(recovered).toEqual([])
})

/**
 * Issue 10 (1): whoever filed or handled an item never rates it nor records its 回访; the machine says which
 * relation may rate at all, this rule who among them handled the work (request, then its timeline).
 */
describe('the rater is never one who filed or handled the item', () => {
  const replied = { ...inStatus('replied'), reply: { text: '已清理', photos: [], at: T0, by: 'u-replier' } }
  const step = (actorId: string, action: 'accept' | 'note' | 'transfer' | 'escalate' | 'refer' | 'reply' | 'follow' | 'recordCallback' | 'file') => ({ actorId, action })
  const timeline = [step('u-res', 'file'), step('u-old-owner', 'accept'), step('u-noter', 'note'), step('u-neighbour', 'follow'), step('u-caller', 'recordCallback')]
  const onBehalf = (staffId: string, residentId: string | null) => ({ ...replied, residentId, filedBy: { kind: 'onBehalf' as const, staffId, residentName: '李大爷' } })

  test.each<[string, Parameters<typeof ratingRefusal>[0], string, boolean]>([
    ['the resident who filed it', replied, 'u-res', true],
    ['the owner', replied, 'u-owner', false],
    ['a co-handler', replied, 'u-co', false],
    ['whoever replied (a committee member)', replied, 'u-replier', false],
    ['whoever noted progress', replied, 'u-noter', false],
    ['an earlier owner (the committee took it over)', replied, 'u-old-owner', false],
    ['an uninvolved committee member', replied, 'u-comm', true],
    ['a neighbour who only +1’d it', replied, 'u-neighbour', true],
    ['a colleague who already recorded a 回访 call', replied, 'u-caller', true],
    ['a worker who filed 代办 naming themselves', onBehalf('u-worker', 'u-worker'), 'u-worker', false],
    ['the committee member who filed 代办 naming no one', onBehalf('u-comm', null), 'u-comm', false],
    ['the resident a colleague filed 代办 for', onBehalf('u-worker', 'u-res'), 'u-res', true],
    ['the patrol worker who filed it (主动治理)', { ...replied, residentId: null, filedBy: { kind: 'proactive', staffId: 'u-patrol' } }, 'u-patrol', false],
  ])('%s → may rate: %s', (_who, request, userId, may) => {
    const why = ratingRefusal(request, timeline, userId)
    expect(why === null).toBe(may)
    if (!may) expect(why).toMatch(/不能由您来评价或记录回访/)
  })

  test('the buttons: rate, reopen and the 回访 record go for a handler, stay for anyone else', () => {
    const offered = ['rate', 'reopen', 'recordCallback', 'follow'] as const
    expect(withoutOwnRating(offered, replied, timeline, 'u-owner')).toEqual(['follow'])
    expect(withoutOwnRating(offered, replied, timeline, 'u-comm')).toEqual(offered)
  })
})

/** Issue 10 (2): 代办 names an account only when it is the household's own (at a point, one of the point's grid), never the filer's. */
describe('the account a 代办 may name', () => {
  const home = { householdId: 'hh-1', gridId: 'grid-1', communityId: 'comm-1' }
  const atHousehold = { householdId: 'hh-1' }
  const atPoint = { point: { lng: 121.4, lat: 31.2 } }
  const inGrid = { gridId: 'grid-1', communityId: 'comm-1' }
  const inQueue = { gridId: null, communityId: 'comm-1' }
  test.each<[string, Parameters<typeof namedResidentRefusal>[1], Parameters<typeof namedResidentRefusal>[2], Parameters<typeof namedResidentRefusal>[3], boolean]>([
    ['the household’s own resident', { userId: 'u-res', home }, atHousehold, inGrid, true],
    ['the filer themselves, though bound there', { userId: 'u-staff', home }, atHousehold, inGrid, false],
    ['a resident of another household', { userId: 'u-res', home: { ...home, householdId: 'hh-2' } }, atHousehold, inGrid, false],
    ['an account with no approved binding', { userId: 'u-res', home: null }, atHousehold, inGrid, false],
    ['at a point: a resident bound in the point’s grid', { userId: 'u-res', home }, atPoint, inGrid, true],
    ['at a point: a resident bound in another grid', { userId: 'u-res', home: { ...home, gridId: 'grid-2' } }, atPoint, inGrid, false],
    ['at a point outside every grid: a resident of the community', { userId: 'u-res', home: { ...home, gridId: 'grid-2' } }, atPoint, inQueue, true],
    ['at a point outside every grid: a resident of another community', { userId: 'u-res', home: { ...home, communityId: 'comm-2' } }, atPoint, inQueue, false],
    ['at a point: an account with no approved binding', { userId: 'u-res', home: null }, atPoint, inGrid, false],
  ])('%s → may be named: %s', (_who, named, place, route, may) => {
    expect(namedResidentRefusal('u-staff', named, place, route) === null).toBe(may)
  })
})
