import type { Actor } from '../../cloudfunctions/shared/core/actor'
import { dueTimes, RATING_WINDOW_MS, resolveDueAt } from '../../cloudfunctions/shared/core/request/deadlines'
import { newRequest, type RequestDraft } from '../../cloudfunctions/shared/core/request/new-request'
import type { TransitionPayloads } from '../../cloudfunctions/shared/core/request/request-effects'
import {
  applyTransition, availableActions, closedStatuses, openStatuses, requestTransitions, SYSTEM, type TransitionActor,
} from '../../cloudfunctions/shared/core/request/request.machine'
import { transitionActor } from '../../cloudfunctions/shared/core/request/request-policy'
import {
  Request, RequestAction, RequestEvent, RequestRelation, RequestStatus, type Request as RequestT,
} from '../../types/request.schema'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const T0 = 1_741_000_000_000 // a fixed clock: 2025-03-03 11:06:40 UTC

const draft: RequestDraft = {
  _id: 'req-1', idempotencyKey: 'key-00000001', category: 'hazard', text: '楼道里电线乱拉，很危险', photos: [],
  place: { householdId: 'hh-1' }, location: { lng: 121.44, lat: 31.19 }, residentId: 'u-res', filedBy: { kind: 'resident' },
  route: { communityId: 'comm-1', gridId: 'grid-1', buildingId: 'bldg-1', branchId: 'br-1', partyGroupId: null, handlerId: 'u-owner',
    handlerRole: 'gridWorker', locateRule: 'household', classifyRule: 'hazard→gridWorker', category: 'hazard' },
  streetId: 'street-1',
}
const person = (userId: string, scopes: Partial<Pick<Actor, 'gridIds' | 'communityIds' | 'streetIds'>> = {}): Actor =>
  ({ userId, user: null, roles: ['resident'], gridIds: [], communityIds: [], streetIds: [], branchIds: [], ...scopes })
const filed = newRequest(draft, person('u-res'), T0)

/** A request as it would stand in each status: owned, with a co-handler, replied long enough ago to auto-close. */
const inStatus = (status: RequestStatus, over: Partial<RequestT> = {}): RequestT => ({
  ...filed.request, status, ownerId: 'u-owner', coHandlerIds: ['u-co'], deadlines: dueTimes('hazard', T0 - DAY),
  dispatchedAt: T0 - DAY, repliedAt: T0 - 8 * DAY, version: 5, ...over,
})
const as = (relation: RequestRelation): TransitionActor => ({
  id: { requester: 'u-res', owner: 'u-owner', coHandler: 'u-co', system: 'system' }[relation as string] ?? `u-${relation}`,
  relations: [relation],
})

const payloads: { [A in RequestAction]: TransitionPayloads[A] } = {
  dispatch: { deadlines: dueTimes('hazard', T0) }, flag: { reason: 'msgSecCheck: risky' }, release: {}, reject: { reason: '含有辱骂内容' },
  withdraw: {}, accept: { note: '今天下午上门' }, note: { note: '已到现场' }, transfer: { toUserId: 'u-new', note: '请电工协助' },
  escalate: { level: 'street', coHandlerIds: ['u-dept'], note: '需要城管到场' }, refer: { scope: 'court' },
  reply: { text: '电线已重新规整', photos: ['cloud://p/1.jpg'] }, rate: { outcome: 'resolved', satisfaction: 'satisfied' },
  reopen: { outcome: 'unresolved', satisfaction: 'unsatisfied', resolveBy: T0 + 3 * DAY }, autoClose: {},
  recordCallback: { reached: true, note: '电话回访，居民认可' }, follow: {}, remind: {}, supervise: {},
}

type Row = [RequestAction, RequestStatus, RequestRelation[]]
const S: RequestRelation[] = ['system']
const handling = (from: RequestStatus, onward: RequestStatus): Record<string, Row> => ({
  note: ['note', onward, ['owner', 'coHandler', 'committee', 'streetAdmin']],
  transfer: ['transfer', onward, ['owner', 'committee', 'streetAdmin']],
  escalate: ['escalate', 'escalated', ['owner', 'committee']],
  refer: ['refer', 'referred', ['owner', 'committee', 'streetAdmin']],
  reply: ['reply', 'replied', ['owner', 'committee']],
  remind: ['remind', from, S], supervise: ['supervise', from, S], follow: ['follow', from, ['other']],
})
const callback = (s: RequestStatus): Row => ['recordCallback', s, ['owner', 'coHandler', 'committee', 'streetAdmin']]

/** Written out by hand from DESIGN.md's lifecycle, independently of the table it checks. */
const expected: Record<RequestStatus, Row[]> = {
  submitted: [['dispatch', 'dispatched', S], ['flag', 'inReview', S], ['withdraw', 'withdrawn', ['requester']]],
  inReview: [['release', 'submitted', ['committee', 'streetAdmin']], ['reject', 'rejected', ['committee', 'streetAdmin']],
    ['refer', 'referred', ['committee', 'streetAdmin']], ['withdraw', 'withdrawn', ['requester']]],
  // gridStaff may accept only an unowned item; this one has an owner (see below).
  dispatched: [['accept', 'accepted', ['owner', 'committee', 'streetAdmin']], ['refer', 'referred', ['owner', 'committee', 'streetAdmin']],
    ['withdraw', 'withdrawn', ['requester']], ['remind', 'dispatched', S], ['supervise', 'dispatched', S], ['follow', 'dispatched', ['other']]],
  accepted: Object.values(handling('accepted', 'inProgress')),
  inProgress: Object.values(handling('inProgress', 'inProgress')),
  escalated: Object.values(handling('escalated', 'escalated')),
  // The committee rates only when the resident has no account; this one has.
  replied: [['rate', 'closed', ['requester']], ['reopen', 'escalated', ['requester']], ['autoClose', 'closedUnrated', S], callback('replied')],
  closed: [callback('closed')],
  closedUnrated: [callback('closedUnrated')],
  withdrawn: [], referred: [], rejected: [],
}

const cells = RequestStatus.options.flatMap((status) =>
  RequestAction.options.flatMap((action) =>
    RequestRelation.options.map((relation) => {
      const row = expected[status].find(([a]) => a === action)
      const allowed = row !== undefined && row[2].includes(relation)
      return { status, action, relation, to: row?.[1] ?? null, allowed, label: `${status} × ${action} × ${relation}` }
    }),
  ),
)

describe('the transition table, every status × action × relation', () => {
  test('the table has exactly the transitions written out here', () => {
    for (const status of RequestStatus.options) {
      expect(Object.keys(requestTransitions[status]).sort()).toEqual(expected[status].map(([a]) => a).sort())
    }
    expect(cells).toHaveLength(12 * 18 * 8)
  })

  test.each(cells.filter((c) => c.allowed).map((c) => [c.label, c] as const))('allowed: %s', (_l, c) => {
    const request = inStatus(c.status)
    expect(availableActions(request, [c.relation])).toContain(c.action)
    const outcome = applyTransition(request, c.action, as(c.relation), T0, payloads[c.action])
    if (!outcome.ok) throw new Error(`${c.label}: ${outcome.reason} ${outcome.detail}`)
    expect(outcome.request.status).toBe(c.to)
    expect(outcome.event).toMatchObject({ from: c.status, to: c.to, action: c.action, relation: c.relation, seq: 6, _id: 'req-1#6', at: T0 })
    expect(Request.parse(outcome.request)).toEqual(outcome.request)
    expect(RequestEvent.parse(outcome.event)).toEqual(outcome.event)
    // 首接负责: only accepting (or dispatch naming the first responder) ever sets the owner.
    if (c.action !== 'accept' && c.action !== 'dispatch') expect(outcome.request.ownerId).toBe('u-owner')
  })

  test.each(cells.filter((c) => !c.allowed).map((c) => [c.label, c] as const))('forbidden: %s', (_l, c) => {
    const request = inStatus(c.status)
    const before = structuredClone(request)
    expect(availableActions(request, [c.relation])).not.toContain(c.action)
    const outcome = applyTransition(request, c.action, as(c.relation), T0, payloads[c.action])
    expect(outcome).toMatchObject({ ok: false, reason: c.to === null ? 'WRONG_STATUS' : 'FORBIDDEN' })
    expect(request).toEqual(before)
  })
})

test('open and closed statuses are derived from the table', () => {
  expect(openStatuses).toEqual(['submitted', 'inReview', 'dispatched', 'accepted', 'inProgress', 'escalated', 'replied'])
  expect(closedStatuses).toEqual(['closed', 'closedUnrated', 'withdrawn', 'referred', 'rejected'])
})

describe('conditions on the request', () => {
  test('a grid worker of the grid accepts an unowned (queued) item and becomes its owner', () => {
    const queued = inStatus('dispatched', { ownerId: null })
    expect(availableActions(queued, ['gridStaff'])).toEqual(['accept'])
    const outcome = applyTransition(queued, 'accept', { id: 'u-grid', relations: ['gridStaff'] }, T0, {})
    expect(outcome).toMatchObject({ ok: true, request: { status: 'accepted', ownerId: 'u-grid', respondedAt: T0 } })
  })

  test('the committee rates on the 回访 call only when the resident has no account (代办)', () => {
    const onBehalf = inStatus('replied', { residentId: null, filedBy: { kind: 'onBehalf', staffId: 'u-owner', residentName: '王阿婆' } })
    expect(availableActions(onBehalf, ['committee'])).toEqual(['rate', 'reopen', 'recordCallback'])
    expect(applyTransition(onBehalf, 'rate', as('committee'), T0, payloads.rate)).toMatchObject({ ok: true, request: { status: 'closed' } })
  })

  test('escalation stops at the street: no further escalate, a conflict if tried', () => {
    const atStreet = inStatus('escalated', { escalation: 'street' })
    expect(availableActions(atStreet, ['owner'])).not.toContain('escalate')
    expect(applyTransition(atStreet, 'escalate', as('owner'), T0, payloads.escalate)).toMatchObject({ ok: false, reason: 'CONFLICT' })
  })

  test.each<[string, RequestT, RequestAction, TransitionActor, unknown, string]>([
    ['rate with 不解决', inStatus('replied'), 'rate', as('requester'), { outcome: 'unresolved', satisfaction: 'basic' }, 'INVALID_PAYLOAD'],
    ['reopen with 已解决', inStatus('replied'), 'reopen', as('requester'), { ...payloads.reopen, outcome: 'resolved' }, 'INVALID_PAYLOAD'],
    ['reopen with a resolve-by in the past', inStatus('replied'), 'reopen', as('requester'), { ...payloads.reopen, resolveBy: T0 }, 'INVALID_PAYLOAD'],
    ['escalate to the level it is at', inStatus('escalated', { escalation: 'community' }), 'escalate', as('owner'), { ...payloads.escalate, level: 'community' }, 'INVALID_PAYLOAD'],
    ['transfer to the owner', inStatus('inProgress'), 'transfer', as('owner'), { toUserId: 'u-owner', note: 'x' }, 'INVALID_PAYLOAD'],
    ['transfer to a co-handler again', inStatus('inProgress'), 'transfer', as('owner'), { toUserId: 'u-co', note: 'x' }, 'INVALID_PAYLOAD'],
    ['auto-close one second early', inStatus('replied', { repliedAt: T0 - RATING_WINDOW_MS + 1000 }), 'autoClose', SYSTEM, {}, 'NOT_DUE'],
    ['remind twice for one deadline', inStatus('dispatched', { alerts: [{ kind: 'remind', stage: 'respond', dueAt: T0 - DAY + 2 * HOUR, at: T0 - DAY }] }), 'remind', SYSTEM, {}, 'CONFLICT'],
    ['dispatch with deadlines already past', inStatus('submitted'), 'dispatch', SYSTEM, { deadlines: dueTimes('hazard', T0 - 3 * HOUR) }, 'INVALID_PAYLOAD'],
  ])('%s is refused and changes nothing', (_name, request, action, actor, payload, reason) => {
    const before = structuredClone(request)
    const outcome = applyTransition(request, action, actor, T0, payload as never)
    expect(outcome).toMatchObject({ ok: false, reason })
    expect(request).toEqual(before)
  })
})

describe('paths through the lifecycle', () => {
  const owner = person('u-owner', { gridIds: ['grid-1'] })
  const resident = person('u-res')
  const run = (steps: [RequestAction, Actor | 'system', unknown, number][]) => {
    let request = filed.request
    const events = [filed.event]
    for (const [action, who, payload, at] of steps) {
      const outcome = applyTransition(request, action, who === 'system' ? SYSTEM : transitionActor(who, request), at, payload as never)
      if (!outcome.ok) throw new Error(`${action}: ${outcome.reason} ${outcome.detail}`)
      request = outcome.request
      events.push(outcome.event)
    }
    return { request, events }
  }

  test('filed, answered at once, escalated, replied, rated resolved: closed, the owner unchanged throughout', () => {
    const { request, events } = run([
      ['dispatch', 'system', { deadlines: dueTimes('hazard', T0) }, T0],
      ['accept', owner, { note: '我是网格员，下午到' }, T0 + HOUR],
      ['transfer', owner, { toUserId: 'u-electrician', note: '请物业电工' }, T0 + 2 * HOUR],
      ['escalate', owner, { level: 'community', coHandlerIds: ['u-chengguan'], note: '吹哨' }, T0 + DAY],
      ['reply', owner, { text: '已整改', photos: [] }, T0 + 2 * DAY],
      ['rate', resident, { outcome: 'resolved', satisfaction: 'satisfied', comment: '谢谢' }, T0 + 3 * DAY],
    ])
    expect(events.map((e) => e.to)).toEqual(['submitted', 'dispatched', 'accepted', 'inProgress', 'escalated', 'replied', 'closed'])
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(events.slice(1).every((e, i) => e.from === events[i].to)).toBe(true)
    expect(request).toMatchObject({ ownerId: 'u-owner', coHandlerIds: ['u-electrician', 'u-chengguan'], escalation: 'community',
      respondedAt: T0 + HOUR, closedAt: T0 + 3 * DAY, rating: { outcome: 'resolved', by: 'u-res', at: T0 + 3 * DAY } })
  })

  test('不解决 reopens and escalates one level each time, with a new resolve-by; then resolved', () => {
    const reply = { text: '已处理', photos: [] }
    const unresolved = (at: number) => ({ outcome: 'unresolved', satisfaction: 'unsatisfied', resolveBy: resolveDueAt('hazard', at) })
    const { request, events } = run([
      ['dispatch', 'system', { deadlines: dueTimes('hazard', T0) }, T0],
      ['accept', owner, {}, T0 + HOUR],
      ['reply', owner, reply, T0 + DAY],
      ['reopen', resident, unresolved(T0 + 2 * DAY), T0 + 2 * DAY],
      ['reply', owner, reply, T0 + 3 * DAY],
      ['reopen', resident, unresolved(T0 + 4 * DAY), T0 + 4 * DAY],
      ['reply', owner, reply, T0 + 5 * DAY],
      ['reopen', resident, unresolved(T0 + 6 * DAY), T0 + 6 * DAY],
    ])
    expect(events.filter((e) => e.action === 'reopen').map((e) => e.details?.level)).toEqual(['community', 'street', 'street'])
    expect(request).toMatchObject({ status: 'escalated', escalation: 'street', reopenCount: 3, ownerId: 'u-owner',
      deadlines: { resolveFrom: T0 + 6 * DAY, resolveBy: T0 + 9 * DAY } })
    const closed = applyTransition(applyOk(request, 'reply', owner, reply, T0 + 7 * DAY), 'rate', transitionActor(resident, request), T0 + 8 * DAY,
      { outcome: 'resolved', satisfaction: 'basic' })
    expect(closed).toMatchObject({ ok: true, request: { status: 'closed', rating: { outcome: 'resolved' } } })
  })

  test('two staff accepting the same version both compute version+1 and the same event _id: one conditional write wins', () => {
    const dispatched = run([['dispatch', 'system', { deadlines: dueTimes('hazard', T0) }, T0]]).request
    const queued = { ...dispatched, ownerId: null }
    const a = applyTransition(queued, 'accept', { id: 'u-a', relations: ['gridStaff'] }, T0 + 1, {})
    const b = applyTransition(queued, 'accept', { id: 'u-b', relations: ['committee'] }, T0 + 2, {})
    expect(a.ok && b.ok && [a.request.version, b.request.version, a.event._id === b.event._id]).toEqual([2, 2, true])
  })
})

function applyOk(request: RequestT, action: RequestAction, who: Actor, payload: unknown, at: number): RequestT {
  const outcome = applyTransition(request, action, transitionActor(who, request), at, payload as never)
  if (!outcome.ok) throw new Error(`${action}: ${outcome.reason}`)
  return outcome.request
}
