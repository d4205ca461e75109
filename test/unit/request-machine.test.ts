import type { Actor } from '../../cloudfunctions/shared/core/actor'
import { dueTimes, RATING_WINDOW_MS, resolveDueAt } from '../../cloudfunctions/shared/core/request/deadlines'
import { newRequest } from '../../cloudfunctions/shared/core/request/new-request'
import type { TransitionPayloads } from '../../cloudfunctions/shared/core/request/request-effects'
import {
  applyTransition, availableActions, closedStatuses, followableStatuses, openStatuses, requestTransitions, SYSTEM,
  type TransitionActor, type TransitionOutcome,
} from '../../cloudfunctions/shared/core/request/request.machine'
import { transitionActor } from '../../cloudfunctions/shared/core/request/request-policy'
import {
  Request, RequestAction, RequestEvent, RequestRelation, RequestStatus, type Request as RequestT,
} from '../../types/request.schema'
import { finishedRequestStatuses } from '../../types/vocabulary'
import {
  bars, disputed, disputes, expectedCell, grantsOf, openByRules, rights, steps, stepsAt,
} from './request-rules'
import { person, requestDraft } from './request-drafts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const T0 = 1_741_000_000_000 // a fixed clock: 2025-03-03 11:06:40 UTC

const draft = requestDraft('hazard', '楼道里电线乱拉，很危险', { _id: 'req-1', location: { lng: 121.44, lat: 31.19 }, route: { buildingId: 'bldg-1' } })
const filed = newRequest(draft, person('u-res'), T0)

/** A request as it would stand in each status: owned, with a co-handler, replied long enough ago to auto-close. */
const inStatus = (status: RequestStatus, over: Partial<RequestT> = {}): RequestT => ({
  ...filed.request, status, ownerId: 'u-owner', coHandlerIds: ['u-co'], deadlines: dueTimes('hazard', T0 - DAY),
  dispatchedAt: T0 - DAY, repliedAt: T0 - 8 * DAY, version: 5, ...over,
})
/** Each turns on one condition the rules read (request-rules.ts `holds`), in every status alike. */
const variants = {
  owned: {},
  queued: { ownerId: null },
  onBehalf: { residentId: null, filedBy: { kind: 'onBehalf', staffId: 'u-owner', residentName: '王阿婆' } },
  atStreet: { escalation: 'street' },
} satisfies Record<string, Partial<RequestT>>
type Variant = keyof typeof variants
const variantNames = Object.keys(variants) as Variant[]

const as = (relation: RequestRelation): TransitionActor => ({
  id: { requester: 'u-res', owner: 'u-owner', coHandler: 'u-co', system: 'system' }[relation as string] ?? `u-${relation}`,
  relations: [relation],
})

const payloads: { [A in RequestAction]: TransitionPayloads[A] } = {
  dispatch: { deadlines: dueTimes('hazard', T0) }, flag: { reason: 'msgSecCheck: risky' }, release: {}, reject: { reason: '含有辱骂内容' },
  withdraw: {}, accept: { note: '今天下午上门' }, note: { note: '已到现场', visibleTo: 'resident' }, transfer: { toUserId: 'u-new', note: '请电工协助' },
  escalate: { level: 'street', coHandlerIds: ['u-dept'], note: '需要城管到场' }, refer: { scope: 'court' },
  reply: { text: '电线已重新规整', photos: ['cloud://p/1.jpg'] }, rate: { outcome: 'resolved', satisfaction: 'satisfied' },
  reopen: { outcome: 'unresolved', satisfaction: 'unsatisfied', resolveBy: T0 + 3 * DAY }, autoClose: {},
  recordCallback: { reached: true, note: '电话回访，居民认可' }, follow: {}, remind: {}, supervise: {},
}

/** Every variant × status × action × relation, its expectation derived from request-rules.ts alone. */
const cells = variantNames.flatMap((variant) =>
  RequestStatus.options.flatMap((status) =>
    RequestAction.options.flatMap((action) =>
      RequestRelation.options.map((relation) => ({
        variant, status, action, relation,
        ...expectedCell(inStatus(status, variants[variant]), action, relation),
        dispute: disputed(variant, status, action, relation),
        label: `${variant} · ${status} × ${action} × ${relation}`,
      })),
    ),
  ),
)
type Cell = (typeof cells)[number]
const checked = cells.filter((c) => c.dispute === undefined)
const requestOf = (c: Cell) => inStatus(c.status, variants[c.variant])
const verdictOf = (outcome: TransitionOutcome) => (outcome.ok ? 'ok' : outcome.reason)

/**
 * The fields the sources speak of, after an allowed step; the rest of the request is the machine's
 * business (its refusals are tested below).
 */
const fieldsAfter = (action: RequestAction, from: RequestT, to: RequestStatus, actorId: string) => ({
  // 首接负责 (DESIGN): routing names the owner at dispatch, accepting makes the accepter the owner; then it stays to the end.
  ownerId: action === 'dispatch' ? from.route.handlerId : action === 'accept' ? actorId : from.ownerId,
  // types/request.schema.ts coHandler: "added by transfer or escalation".
  coHandlerIds: action === 'transfer' ? [...from.coHandlerIds, payloads.transfer.toUserId]
    : action === 'escalate' ? [...from.coHandlerIds, ...payloads.escalate.coHandlerIds] : from.coHandlerIds,
  // request-effects.ts: 不解决 "sends the item one level up: the community first, then the street".
  escalation: action === 'escalate' ? payloads.escalate.level
    : action === 'reopen' ? (from.escalation === 'none' ? 'community' : 'street') : from.escalation,
  // types/request.schema.ts respondedAt: "The first answer: an acceptance or a referral."
  respondedAt: action === 'accept' || action === 'refer' ? (from.respondedAt ?? T0) : from.respondedAt,
  // reply.use-case.ts: "the resident's 7 days to rate start now".
  repliedAt: action === 'reply' ? T0 : from.repliedAt,
  // An item closes when a step takes it from an open status to a closed one, and only then.
  closedAt: openByRules.includes(from.status) && !openByRules.includes(to) ? T0 : from.closedAt,
  // deadlines.ts: "A reopened item (rated 不解决) gets the full resolve window again: 重办 is a new time limit."
  reopenCount: from.reopenCount + (action === 'reopen' ? 1 : 0),
  ...(action === 'reopen' && { deadlines: { ...from.deadlines, resolveFrom: T0, resolveBy: payloads.reopen.resolveBy } }),
  ...(action === 'dispatch' && { deadlines: payloads.dispatch.deadlines, dispatchedAt: T0 }),
  version: from.version + 1,
  updatedAt: T0,
})

describe('the rules themselves', () => {
  test('no two steps say different things of one status and action', () => {
    const clashes = RequestStatus.options.flatMap((s) => RequestAction.options.filter((a) => stepsAt(s, a).length > 1).map((a) => `${s} × ${a}`))
    expect(clashes).toEqual([])
  })

  test('every right meets a step it applies to, and every step someone may take', () => {
    const idle = rights.filter((r) => !grantsOf(r.who).some((g) =>
      g.actions.some((a) => (g.in ?? RequestStatus.options).some((s) => stepsAt(s, a).length > 0))))
    expect(idle).toEqual([])
    const untaken = steps.flatMap((step) => step.from.flatMap((status) => step.actions.filter((action) =>
      !cells.some((c) => c.status === status && c.action === action && (c.verdict === 'ok' || c.verdict === 'CONFLICT')))
      .map((action) => `${status} × ${action}`)))
    expect(untaken).toEqual([])
    expect(bars.every((b) => b.actions.every((a) => steps.some((s) => s.actions.includes(a))))).toBe(true)
  })
})

describe('the machine against every variant × status × action × relation the rules decide', () => {
  test('every cell is decided: 4 variants × 12 statuses × 18 actions × 8 relations, 58 kept out as disagreements', () => {
    expect(cells).toHaveLength(4 * 12 * 18 * 8)
    expect(cells.length - checked.length).toBe(58)
  })

  test.each(checked.filter((c) => c.verdict === 'ok').map((c) => [c.label, c] as const))('allowed: %s', (_l, c) => {
    const request = requestOf(c)
    const actor = as(c.relation)
    expect(availableActions(request, [c.relation], T0)).toContain(c.action)
    const outcome = applyTransition(request, c.action, actor, T0, payloads[c.action])
    if (!outcome.ok) throw new Error(`${outcome.reason} ${outcome.detail}; the rules: ${c.why.join(' + ')}`)
    expect({ to: outcome.request.status, rules: c.why }).toEqual({ to: c.to, rules: c.why })
    expect(outcome.event).toMatchObject({ from: c.status, to: c.to, action: c.action, relation: c.relation, actorId: actor.id, seq: 6, _id: 'req-1#6', at: T0 })
    expect(Request.parse(outcome.request)).toEqual(outcome.request)
    expect(RequestEvent.parse(outcome.event)).toEqual(outcome.event)
    expect(outcome.request).toMatchObject(fieldsAfter(c.action, request, c.to as RequestStatus, actor.id))
  })

  test.each(checked.filter((c) => c.verdict !== 'ok').map((c) => [c.label, c] as const))('refused: %s', (_l, c) => {
    const request = requestOf(c)
    const before = structuredClone(request)
    expect(availableActions(request, [c.relation], T0)).not.toContain(c.action)
    const outcome = applyTransition(request, c.action, as(c.relation), T0, payloads[c.action])
    expect({ verdict: verdictOf(outcome), rules: c.why }).toEqual({ verdict: c.verdict, rules: c.why })
    expect(request).toEqual(before)
  })

  test('requestTransitions has a step exactly where the rules put one, leading where they say, open to the relations they name', () => {
    for (const status of RequestStatus.options) {
      const here = checked.filter((c) => c.status === status)
      const actions = RequestAction.options.filter((a) => here.some((c) => c.action === a && c.verdict !== 'WRONG_STATUS'))
      expect({ status, actions: Object.keys(requestTransitions[status]).sort() }).toEqual({ status, actions: [...actions].sort() })
      for (const action of actions) {
        const t = requestTransitions[status][action]
        const granted = RequestRelation.options.filter((r) => here.some((c) => c.action === action && c.relation === r && (c.verdict === 'ok' || c.verdict === 'CONFLICT')))
        const to = here.find((c) => c.action === action)?.to
        expect({ status, action, to: t?.to, by: Object.keys(t?.by ?? {}).sort() }).toEqual({ status, action, to, by: [...granted].sort() })
      }
    }
  })

  // request-policy.ts relationsTo: "One person may hold several: a grid worker who found an item on patrol owns it and is staff of its grid."
  test.each(variantNames)('a person holding two relations may do what either may, and the event names one that may: %s', (variant) => {
    const wrong: string[] = []
    for (const status of RequestStatus.options) {
      const request = inStatus(status, variants[variant])
      const may = (r: RequestRelation) => RequestAction.options.filter((a) => expectedCell(request, a, r).verdict === 'ok')
      RequestRelation.options.forEach((a, i) => RequestRelation.options.slice(i + 1).forEach((b) => {
        const open = (action: RequestAction) => !disputed(variant, status, action, a) && !disputed(variant, status, action, b)
        const want = RequestAction.options.filter((x) => open(x) && (may(a).includes(x) || may(b).includes(x)))
        const got = availableActions(request, [a, b], T0).filter(open).sort()
        if (want.sort().join() !== got.join()) wrong.push(`${status} [${a}, ${b}]: rules ${want.join()} machine ${got.join()}`)
        for (const action of want) {
          const outcome = applyTransition(request, action, { id: 'u-both', relations: [a, b] }, T0, payloads[action])
          const by = [a, b].filter((r) => may(r).includes(action))
          if (!outcome.ok || !by.includes(outcome.event.relation)) wrong.push(`${status} ${action} [${a}, ${b}]: ${outcome.ok ? outcome.event.relation : outcome.reason}`)
        }
      }))
    }
    expect(wrong).toEqual([])
  })
})

describe('disagreements between the rules as written and the machine, kept out above until the team decides', () => {
  test.each(disputes.map((d) => [d.rule, d] as const))('%s', (_rule, d) => {
    const its = cells.filter((c) => c.dispute === d)
    expect(its.length).toBeGreaterThan(0)
    // A dispute the machine has since settled (or a rule since changed) is no longer one: take it off the list.
    const settled = its.filter((c) => {
      const request = requestOf(c)
      const outcome = applyTransition(request, c.action, as(c.relation), T0, payloads[c.action])
      return verdictOf(outcome) === c.verdict && availableActions(request, [c.relation], T0).includes(c.action) === (c.verdict === 'ok')
    })
    expect(settled.map((c) => c.label)).toEqual([])
  })
})

test('open and closed statuses are derived from the table as the rules derive them', () => {
  expect(openStatuses).toEqual(openByRules)
  expect(closedStatuses).toEqual(RequestStatus.options.filter((s) => !openByRules.includes(s)))
  // DESIGN's ends: closed after the rating, closed unrated, withdrawn, referred, rejected.
  expect(openStatuses).toEqual(['submitted', 'inReview', 'dispatched', 'accepted', 'inProgress', 'escalated', 'replied'])
  expect(closedStatuses).toEqual(['closed', 'closedUnrated', 'withdrawn', 'referred', 'rejected'])
  // The client's copy (it must not carry the machine) is the machine's.
  expect(finishedRequestStatuses).toEqual(closedStatuses)
  const followable = RequestStatus.options.filter((s) => stepsAt(s, 'follow').length > 0)
  expect(followableStatuses).toEqual(followable.filter((s) => !disputes.some((d) => d.step && d.statuses.includes(s) && d.actions.includes('follow'))))
})

describe('conditions on the request', () => {
  test('a grid worker of the grid accepts an unowned (queued) item and becomes its owner', () => {
    const queued = inStatus('dispatched', { ownerId: null })
    expect(availableActions(queued, ['gridStaff'], T0)).toEqual(['accept'])
    const outcome = applyTransition(queued, 'accept', { id: 'u-grid', relations: ['gridStaff'] }, T0, {})
    expect(outcome).toMatchObject({ ok: true, request: { status: 'accepted', ownerId: 'u-grid', respondedAt: T0 } })
  })

  test('the committee rates on the 回访 call only when the resident has no account (代办)', () => {
    const onBehalf = inStatus('replied', { residentId: null, filedBy: { kind: 'onBehalf', staffId: 'u-owner', residentName: '王阿婆' } })
    expect(availableActions(onBehalf, ['committee'], T0)).toEqual(['rate', 'reopen', 'recordCallback'])
    expect(applyTransition(onBehalf, 'rate', as('committee'), T0, payloads.rate)).toMatchObject({ ok: true, request: { status: 'closed' } })
  })

  test('escalation stops at the street: no further escalate, a conflict if tried', () => {
    const atStreet = inStatus('escalated', { escalation: 'street' })
    expect(availableActions(atStreet, ['owner'], T0)).not.toContain('escalate')
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
