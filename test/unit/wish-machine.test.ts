import {
  applyWishTransition, availableWishActions, closedWishStatuses, newWish, openWishStatuses, WISH_SYSTEM,
  wishTransitions, type WishActor, type WishDraft, type WishPayloads, type WishTransitionOutcome,
} from '../../cloudfunctions/shared/core/wish/wish.machine'
import { lockUntilOf, widenAtOf } from '../../cloudfunctions/shared/core/wish/wish-times'
import {
  MAX_LIVE_CLAIMS, Wish, WishAction, WishEvent, WishRelation, WishStatus, type Wish as WishT,
} from '../../types/wish.schema'
import { bars, excluded, exclusions, expectedCell, openByRules, rights, steps, stepsAt } from './wish-rules'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const T0 = 1_741_000_000_000 // a fixed clock: 2025-03-03 11:06:40 UTC

const draft: WishDraft = {
  _id: 'wish-1', idempotencyKey: 'key-00000001', wisherId: 'u-wisher', place: { householdId: 'hh-1' }, streetId: 'street-1',
  route: { communityId: 'comm-1', gridId: 'grid-1', buildingId: 'bldg-1', branchId: 'br-1', partyGroupId: 'pg-1', centreHouseholdId: null,
    locateRule: 'household', rule: 'partyGroup' },
  category: 'elderlyDisabled', text: '腿脚不便，想请人帮忙去药店买降压药', photos: [], neededBy: T0 + 10 * DAY, delivery: 'home', marks: [],
}
const posted = newWish(draft, T0 - 20 * DAY)

const withClaim = ['claimed', 'fulfilled', 'realised'] as const
const withFulfilment = ['fulfilled', 'realised'] as const
/** A wish as it would stand in each status, every clock of it due at T0: widening, the lock, the reminder, the 7-day check. */
const inStatus = (status: WishStatus, over: Partial<WishT> = {}): WishT => ({
  ...posted.wish, status, version: 5,
  ...(status !== 'inReview' && { summary: '老人需要帮忙买药', reviewedBy: 'u-committee', publishedAt: T0 - 10 * DAY, widenAt: T0 - HOUR }),
  claim: (withClaim as readonly WishStatus[]).includes(status) ? { memberId: 'u-claimer', at: T0 - 7 * DAY, lockUntil: T0 - HOUR, remindedAt: null } : null,
  fulfilment: (withFulfilment as readonly WishStatus[]).includes(status) ? { memberId: 'u-claimer', note: '药已送到', photos: [], at: T0 - 8 * DAY } : null,
  ...over,
})
/** Each turns on one condition the rules read (wish-rules.ts `holds`), in every status alike. */
const variants = {
  narrow: {},
  widened: { audience: 'community', widenedAt: T0 - 2 * HOUR },
  cancelRequested: { cancelRequest: { at: T0 - DAY, reason: '家里人已经买了' } },
  pastNeededBy: { neededBy: T0 - HOUR },
} satisfies Record<string, Partial<WishT>>
type Variant = keyof typeof variants
const variantNames = Object.keys(variants) as Variant[]

const as = (relation: WishRelation): WishActor => ({
  id: { wisher: 'u-wisher', claimer: 'u-claimer', system: 'system' }[relation as string] ?? `u-${relation}`,
  relations: [relation],
})

const payloads: { [A in WishAction]: WishPayloads[A] } = {
  flag: { mark: { kind: 'contentFlag', detail: 'msgSecCheck: risky' } },
  publish: { summary: '老人需要帮忙买药', widenAt: widenAtOf(T0) },
  return: { reason: '这件事请直接联系物业' }, convert: { requestId: 'req-9' }, widen: {},
  claim: { lockUntil: T0 + 7 * DAY, liveClaims: 0 }, release: { reason: '临时出差' }, revoke: { reason: '多日没有进展' },
  lapse: {}, remindLapse: {}, fulfil: { note: '药已送到家', photos: ['cloud://env.bucket/wishes/u-claimer/20250303/a.jpg'] },
  confirm: { thanks: '谢谢小王', rating: 5 }, confirmByVisit: { via: 'call', note: '电话回访，老人说已收到' }, askToCheck: {},
  withdraw: {}, requestCancel: { reason: '家里人已经买了' }, agreeCancel: {}, expire: {},
}

const cells = variantNames.flatMap((variant) =>
  WishStatus.options.flatMap((status) =>
    WishAction.options.flatMap((action) =>
      WishRelation.options.map((relation) => ({
        variant, status, action, relation,
        ...expectedCell(inStatus(status, variants[variant]), action, relation, T0),
        label: `${variant} · ${status} × ${action} × ${relation}`,
      })),
    ),
  ),
)
type Cell = (typeof cells)[number]
const wishOf = (c: Cell) => inStatus(c.status, variants[c.variant])
const verdictOf = (outcome: WishTransitionOutcome) => (outcome.ok ? 'ok' : outcome.reason)
const endsClaim: readonly WishAction[] = ['release', 'revoke', 'lapse', 'agreeCancel']

/** The fields the sources speak of, after an allowed step; the rest is the machine's business. */
const fieldsAfter = (action: WishAction, from: WishT, to: WishStatus, actorId: string) => ({
  // issue 7 Claim: "one member" holds "a lock with a deadline"; after release, lapse or revoke it is gone (Contact: "masked again for that member").
  claim: action === 'claim' ? { memberId: actorId, at: T0, lockUntil: payloads.claim.lockUntil, remindedAt: null }
    : endsClaim.includes(action) ? null
    : action === 'remindLapse' ? { ...from.claim, remindedAt: T0 } : from.claim,
  // types/wish.schema.ts: widening is `audience` ('branch' → 'community').
  audience: action === 'widen' ? 'community' : action === 'publish' ? 'branch' : from.audience,
  ...(action === 'publish' && { summary: payloads.publish.summary, publishedAt: T0, widenAt: payloads.publish.widenAt, reviewedBy: actorId }),
  ...(action === 'return' && { returnReason: payloads.return.reason, reviewedBy: actorId }),
  // issue 7 Review: "(the link is kept both ways)".
  ...(action === 'convert' && { convertedTo: payloads.convert.requestId }),
  // issue 7 Claim: "the member's record counts a lapse".
  lapses: from.lapses + (action === 'lapse' ? 1 : 0),
  // issue 7 Fulfil: "with a note and photos (evidence ...)"; a revoked fulfilment is taken back with the claim.
  fulfilment: action === 'fulfil' ? { memberId: actorId, note: payloads.fulfil.note, photos: payloads.fulfil.photos, at: T0 }
    : action === 'revoke' ? null : from.fulfilment,
  // issue 7 Fulfil: the grid worker's confirmation is "recorded as such".
  ...(action === 'confirm' && { confirmation: { via: 'wisher', by: actorId, at: T0, thanks: payloads.confirm.thanks, rating: payloads.confirm.rating } }),
  ...(action === 'confirmByVisit' && { confirmation: { via: payloads.confirmByVisit.via, by: actorId, at: T0 } }),
  cancelRequest: action === 'requestCancel' ? { at: T0, reason: payloads.requestCancel.reason } : endsClaim.includes(action) ? null : from.cancelRequest,
  checkAskedAt: action === 'askToCheck' ? T0 : from.checkAskedAt,
  closedAt: openByRules.includes(from.status) && !openByRules.includes(to) ? T0 : from.closedAt,
  version: from.version + 1,
  updatedAt: T0,
})

describe('the rules themselves', () => {
  test('no two steps say different things of one status and action', () => {
    const clashes = WishStatus.options.flatMap((s) => WishAction.options.filter((a) => stepsAt(s, a).length > 1).map((a) => `${s} × ${a}`))
    expect(clashes).toEqual([])
  })

  test('every right meets a step it applies to, every step someone may take, every bar and exclusion a step', () => {
    const idle = rights.filter((r) => !r.actions.some((a) => (r.in ?? WishStatus.options).some((s) => stepsAt(s, a).length > 0)))
    expect(idle).toEqual([])
    const untaken = steps.flatMap((step) => step.from.flatMap((status) => step.actions.filter((action) =>
      !cells.some((c) => c.status === status && c.action === action && (c.verdict === 'ok' || c.verdict === 'CONFLICT')))
      .map((action) => `${status} × ${action}`)))
    expect(untaken).toEqual([])
    expect([...bars, ...exclusions].every((b) => b.actions.every((a) => steps.some((s) => s.actions.includes(a))))).toBe(true)
  })

  test('an exclusion takes away a right someone would otherwise hold', () => {
    expect(exclusions.filter((e) => !e.actions.some((a) => rights.some((r) => r.who !== e.never && r.actions.includes(a))))).toEqual([])
  })
})

describe('the machine against every variant × status × action × relation the rules decide', () => {
  test('every cell is decided: 4 variants × 9 statuses × 18 actions × 9 relations', () => {
    expect(cells).toHaveLength(4 * 9 * 18 * 9)
  })

  test.each(cells.filter((c) => c.verdict === 'ok').map((c) => [c.label, c] as const))('allowed: %s', (_l, c) => {
    const wish = wishOf(c)
    const actor = as(c.relation)
    expect(availableWishActions(wish, [c.relation], T0)).toContain(c.action)
    const outcome = applyWishTransition(wish, c.action, actor, T0, payloads[c.action])
    if (!outcome.ok) throw new Error(`${outcome.reason} ${outcome.detail}; the rules: ${c.why.join(' + ')}`)
    expect({ to: outcome.wish.status, rules: c.why }).toEqual({ to: c.to, rules: c.why })
    expect(outcome.event).toMatchObject({ from: c.status, to: c.to, action: c.action, relation: c.relation, actorId: actor.id, seq: 6, _id: 'wish-1#6', at: T0 })
    expect(Wish.parse(outcome.wish)).toEqual(outcome.wish)
    expect(WishEvent.parse(outcome.event)).toEqual(outcome.event)
    expect(outcome.wish).toMatchObject(fieldsAfter(c.action, wish, c.to as WishStatus, actor.id))
  })

  test.each(cells.filter((c) => c.verdict !== 'ok').map((c) => [c.label, c] as const))('refused: %s', (_l, c) => {
    const wish = wishOf(c)
    const before = structuredClone(wish)
    expect(availableWishActions(wish, [c.relation], T0)).not.toContain(c.action)
    const outcome = applyWishTransition(wish, c.action, as(c.relation), T0, payloads[c.action])
    expect({ verdict: verdictOf(outcome), rules: c.why }).toEqual({ verdict: c.verdict, rules: c.why })
    expect(wish).toEqual(before)
  })

  test('wishTransitions has a step exactly where the rules put one, leading where they say, open to the relations they name', () => {
    for (const status of WishStatus.options) {
      const here = cells.filter((c) => c.status === status)
      const actions = WishAction.options.filter((a) => here.some((c) => c.action === a && c.verdict !== 'WRONG_STATUS'))
      expect({ status, actions: Object.keys(wishTransitions[status]).sort() }).toEqual({ status, actions: [...actions].sort() })
      for (const action of actions) {
        const t = wishTransitions[status][action]
        const granted = WishRelation.options.filter((r) => here.some((c) => c.action === action && c.relation === r && (c.verdict === 'ok' || c.verdict === 'CONFLICT')))
        const to = here.find((c) => c.action === action)?.to
        expect({ status, action, to: t?.to, by: Object.keys(t?.by ?? {}).sort() }).toEqual({ status, action, to, by: [...granted].sort() })
      }
    }
  })

  // wish-policy.ts wishRelationsTo: one person may hold several relations (a committee member who is a party member of the branch).
  test.each(variantNames)('a person holding two relations may do what either may, unless one of them excludes it: %s', (variant) => {
    const wrong: string[] = []
    for (const status of WishStatus.options) {
      const wish = inStatus(status, variants[variant])
      const may = (r: WishRelation) => WishAction.options.filter((a) => expectedCell(wish, a, r, T0).verdict === 'ok')
      WishRelation.options.forEach((a, i) => WishRelation.options.slice(i + 1).forEach((b) => {
        const want = WishAction.options.filter((x) => (may(a).includes(x) || may(b).includes(x)) && !excluded([a, b], x)).sort()
        const got = availableWishActions(wish, [a, b], T0).sort()
        if (want.join() !== got.join()) wrong.push(`${status} [${a}, ${b}]: rules ${want.join()} machine ${got.join()}`)
        for (const action of want) {
          const outcome = applyWishTransition(wish, action, { id: 'u-both', relations: [a, b] }, T0, payloads[action])
          const by = [a, b].filter((r) => may(r).includes(action))
          if (!outcome.ok || !by.includes(outcome.event.relation)) wrong.push(`${status} ${action} [${a}, ${b}]: ${outcome.ok ? outcome.event.relation : outcome.reason}`)
        }
      }))
    }
    expect(wrong).toEqual([])
  })
})

test('open and closed statuses are derived from the table as the rules derive them', () => {
  expect(openWishStatuses).toEqual(openByRules)
  expect(openWishStatuses).toEqual(['inReview', 'published', 'claimed', 'fulfilled'])
  expect(closedWishStatuses).toEqual(['realised', 'returned', 'withdrawn', 'converted', 'expired'])
})

describe('conditions on the wish, the clock and the claimer', () => {
  const published = inStatus('published')
  const claimed = inStatus('claimed', { claim: { memberId: 'u-claimer', at: T0, lockUntil: T0 + 7 * DAY, remindedAt: null } })

  // issue 7 Claim: "A member holds at most 3 live claims" (the use case counts them: I/O).
  test('a fourth live claim is a conflict; the third is fine', () => {
    expect(applyWishTransition(published, 'claim', as('branchMember'), T0, { ...payloads.claim, liveClaims: MAX_LIVE_CLAIMS - 1 })).toMatchObject({ ok: true })
    expect(applyWishTransition(published, 'claim', as('branchMember'), T0, { ...payloads.claim, liveClaims: MAX_LIVE_CLAIMS })).toMatchObject({ ok: false, reason: 'CONFLICT' })
  })

  test('the lock from wish-times is what the claim stores, and never past the needed-by date', () => {
    const soon = inStatus('published', { neededBy: T0 + 2 * DAY })
    const lockUntil = lockUntilOf(soon, T0)
    const outcome = applyWishTransition(soon, 'claim', as('branchMember'), T0, { lockUntil, liveClaims: 0 })
    expect(outcome).toMatchObject({ ok: true, wish: { claim: { lockUntil: T0 + 2 * DAY } } })
  })

  test.each<[string, WishT, WishAction, WishActor, unknown, string]>([
    ['a lock past the needed-by date', published, 'claim', as('branchMember'), { lockUntil: T0 + 11 * DAY, liveClaims: 0 }, 'INVALID_PAYLOAD'],
    ['a lock already over', published, 'claim', as('branchMember'), { lockUntil: T0, liveClaims: 0 }, 'INVALID_PAYLOAD'],
    ['a claim after the needed-by date', inStatus('published', { neededBy: T0 }), 'claim', as('branchMember'), payloads.claim, 'CONFLICT'],
    ['a lapse one millisecond before the lock ends', claimed, 'lapse', WISH_SYSTEM, {}, 'NOT_DUE'],
    ['a reminder two days before the lock ends', claimed, 'remindLapse', WISH_SYSTEM, {}, 'NOT_DUE'],
    ['a second reminder for one claim', inStatus('claimed', { claim: { memberId: 'u-claimer', at: T0 - 7 * DAY, lockUntil: T0 + HOUR, remindedAt: T0 - HOUR } }), 'remindLapse', WISH_SYSTEM, {}, 'CONFLICT'],
    ['widening before its time', inStatus('published', { widenAt: T0 + 1 }), 'widen', WISH_SYSTEM, {}, 'NOT_DUE'],
    ['asking for a check on day 6', inStatus('fulfilled', { fulfilment: { memberId: 'u-claimer', note: '已送到', photos: [], at: T0 - 6 * DAY } }), 'askToCheck', WISH_SYSTEM, {}, 'NOT_DUE'],
    ['asking for a check twice', inStatus('fulfilled', { checkAskedAt: T0 - HOUR }), 'askToCheck', WISH_SYSTEM, {}, 'CONFLICT'],
    ['a release without a reason', inStatus('claimed'), 'release', as('claimer'), { reason: ' ' }, 'INVALID_PAYLOAD'],
    ['a revoke without a reason', inStatus('claimed'), 'revoke', as('committee'), { reason: '' }, 'INVALID_PAYLOAD'],
    ['a return without a reason', inStatus('inReview'), 'return', as('committee'), { reason: '' }, 'INVALID_PAYLOAD'],
    ['publishing with widening already past', inStatus('inReview'), 'publish', as('committee'), { summary: '买药', widenAt: T0 }, 'INVALID_PAYLOAD'],
    ['a fulfilment with 4 photos', inStatus('claimed'), 'fulfil', as('claimer'), { note: '已送到', photos: ['cloud://e.b/1', 'cloud://e.b/2', 'cloud://e.b/3', 'cloud://e.b/4'] }, 'INVALID_PAYLOAD'],
    ['a rating of 6', inStatus('fulfilled'), 'confirm', as('wisher'), { rating: 6 }, 'INVALID_PAYLOAD'],
  ])('%s is refused and changes nothing', (_name, wish, action, actor, payload, reason) => {
    const before = structuredClone(wish)
    expect(applyWishTransition(wish, action, actor, T0, payload as never)).toMatchObject({ ok: false, reason })
    expect(wish).toEqual(before)
  })

  test('lapse exactly at lockUntil: "only when lockUntil ≤ now"', () => {
    expect(applyWishTransition(claimed, 'lapse', WISH_SYSTEM, T0 + 7 * DAY, {})).toMatchObject({ ok: true, wish: { status: 'published', claim: null, lapses: 1 } })
  })

  test('a committee member posting their own wish cannot review it; a member of the branch cannot claim their own', () => {
    const own = inStatus('inReview')
    expect(availableWishActions(own, ['wisher', 'committee'], T0)).toEqual(['withdraw'])
    expect(applyWishTransition(own, 'publish', { id: 'u-wisher', relations: ['wisher', 'committee'] }, T0, payloads.publish)).toMatchObject({ ok: false, reason: 'FORBIDDEN' })
    expect(availableWishActions(published, ['wisher', 'branchMember'], T0)).toEqual(['withdraw'])
  })

  test('a claimer who is also the grid worker cannot confirm their own fulfilment', () => {
    expect(applyWishTransition(inStatus('fulfilled'), 'confirmByVisit', { id: 'u-claimer', relations: ['claimer', 'gridWorker'] }, T0, payloads.confirmByVisit))
      .toMatchObject({ ok: false, reason: 'FORBIDDEN' })
  })
})

describe('paths through the lifecycle', () => {
  const member = (id: string, relation: WishRelation = 'branchMember'): WishActor => ({ id, relations: [relation] })
  const run = (start: WishT, path: [WishAction, WishActor, unknown, number][]) => {
    let wish = start
    const events: WishEvent[] = []
    for (const [action, actor, payload, at] of path) {
      // The claimer relation follows the claim, as wish-policy.ts derives it.
      const relations = wish.claim?.memberId === actor.id && actor.relations[0] !== 'system' ? ['claimer' as const, ...actor.relations] : actor.relations
      const outcome = applyWishTransition(wish, action, { id: actor.id, relations }, at, payload as never)
      if (!outcome.ok) throw new Error(`${action}: ${outcome.reason} ${outcome.detail}`)
      wish = outcome.wish
      events.push(outcome.event)
    }
    return { wish, events: [posted.event, ...events] }
  }

  test('posted, published, widened, claimed by a member of another branch, fulfilled, confirmed: realised', () => {
    const { wish, events } = run(posted.wish, [
      ['publish', member('u-committee', 'committee'), { summary: '老人需要帮忙买药', widenAt: widenAtOf(T0) }, T0],
      ['widen', WISH_SYSTEM, {}, widenAtOf(T0)],
      ['claim', member('u-far', 'widenedMember'), { lockUntil: T0 + 7 * DAY, liveClaims: 0 }, T0 + 4 * DAY],
      ['fulfil', member('u-far', 'widenedMember'), { note: '药已送到', photos: [] }, T0 + 5 * DAY],
      ['confirm', member('u-wisher', 'wisher'), { thanks: '谢谢' }, T0 + 6 * DAY],
    ])
    expect(events.map((e) => e.to)).toEqual(['inReview', 'published', 'published', 'claimed', 'fulfilled', 'realised'])
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5])
    expect(events.slice(1).every((e, i) => e.from === events[i].to)).toBe(true)
    expect(wish).toMatchObject({ audience: 'community', claim: { memberId: 'u-far' }, confirmation: { via: 'wisher', by: 'u-wisher' }, closedAt: T0 + 6 * DAY })
  })

  test('lapsed and re-claimed by another member: the lapse is counted and the first claimer holds nothing', () => {
    const { wish, events } = run(inStatus('published', { widenAt: T0 + 3 * DAY }), [
      ['claim', member('u-a'), { lockUntil: T0 + 7 * DAY, liveClaims: 0 }, T0],
      ['remindLapse', WISH_SYSTEM, {}, T0 + 6 * DAY],
      ['lapse', WISH_SYSTEM, {}, T0 + 7 * DAY],
      ['claim', member('u-b'), { lockUntil: T0 + 9 * DAY, liveClaims: 1 }, T0 + 7 * DAY + 1],
    ])
    expect(events.slice(1).map((e) => [e.action, e.details?.memberId ?? null])).toEqual([['claim', null], ['remindLapse', null], ['lapse', 'u-a'], ['claim', null]])
    expect(wish).toMatchObject({ status: 'claimed', lapses: 1, claim: { memberId: 'u-b', remindedAt: null } })
  })

  test('a cancel request after a claim: the claim stands until the claimer agrees, then the wish is withdrawn', () => {
    const { wish } = run(inStatus('published'), [
      ['claim', member('u-a'), { lockUntil: T0 + 7 * DAY, liveClaims: 0 }, T0],
      ['requestCancel', member('u-wisher', 'wisher'), { reason: '家里人买了' }, T0 + HOUR],
    ])
    expect(wish).toMatchObject({ status: 'claimed', claim: { memberId: 'u-a' } })
    expect(availableWishActions(wish, ['wisher'], T0)).toEqual([])
    const agreed = run(wish, [['agreeCancel', member('u-a'), {}, T0 + 2 * HOUR]]).wish
    expect(agreed).toMatchObject({ status: 'withdrawn', claim: null, cancelRequest: null, closedAt: T0 + 2 * HOUR })
  })

  // issue 7: "Exactly one winner per claim under concurrency": the machine gives every claimant the same version and event _id, so one conditional write wins.
  test('50 members claiming the same version all compute version+1 and the same event _id', () => {
    const outcomes = Array.from({ length: 50 }, (_, i) => applyWishTransition(inStatus('published'), 'claim', member(`u-${i}`), T0 + i, payloads.claim))
    expect(new Set(outcomes.map((o) => (o.ok ? `${o.wish.version} ${o.event._id}` : o.reason)))).toEqual(new Set(['6 wish-1#6']))
  })
})
